using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Collectors;

/// <summary>
/// The embedded demo account (src/SgAudit.Collectors/DemoAccount/demo-account.yaml) is what `sgaudit scan` shows a
/// first-time user: it must load, be complete, look like a real account, and fail and pass every built-in rule.
/// The expected failures below are the table at the top of the YAML file; keep both in step.
/// </summary>
public sealed class DemoAccountTests
{
    private const string Production = "123456789012";
    private const string Staging = "210987654321";

    /// <summary>Every (rule, resource) that fails in the demo; every other outcome must pass.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> ExpectedFailures = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["sg-0ad3c7ad2fe6f8e00"] = ["SGA003", "SGA012"], // default (default VPC, as AWS creates it)
        ["sg-0c0a247267d230dc3"] = ["SGA001", "SGA005", "SGA008", "SGA011", "SGA012"], // jump-host-rdp
        ["sg-073012613bef0e94f"] = ["SGA001", "SGA004", "SGA005", "SGA006", "SGA008", "SGA009", "SGA011", "SGA012"], // debug-all-open
        ["sg-0da849c7e0f104941"] = ["SGA008", "SGA011", "SGA012"], // web-tier-sg
        ["sg-0bb93588b2d952d6b"] = ["SGA007", "SGA012"], // app-tier-sg
        ["sg-0ffae4501ad77c296"] = ["SGA013"], // db-tier-sg
        ["sg-05079d29b8389e190"] = ["SGA001", "SGA002", "SGA004", "SGA008", "SGA011"], // bastion-sg
        ["sg-0f3925fc85297fff9"] = ["SGA012"], // vpce-ssm-sg
        ["sg-0ed7b02368ac6af37"] = ["SGA002", "SGA004", "SGA005", "SGA006", "SGA007", "SGA008", "SGA009", "SGA011", "SGA012"], // old-migration-sg
        ["sg-0d5a4a006b833bbc2"] = ["SGA012"], // partner-vpn-sg
        ["sg-0fd52e510640c00be"] = ["SGA007"], // monitoring-scrape-sg
        ["sg-0a6c2e9f4b7d1358e"] = ["SGA014"], // legacy-erp-sg
        ["sg-0e05c99b2cddb6481"] = ["SGA012"], // analytics-api-sg
        ["sg-0297e088329ccd5c7"] = ["SGA002", "SGA004", "SGA008", "SGA011"], // analytics-admin-sg
        ["sg-044804269e8176ce2"] = ["SGA012"], // staging-alb-sg
        ["sg-06e46be1e93f86718"] = ["SGA012", "SGA016"], // staging-app-sg
        ["sg-0b3d5f7a9c2e4b6d8"] = ["SGA006", "SGA012", "SGA015"], // launch-wizard-1
        ["sg-065094d81e5a3cebe"] = ["SGA007", "SGA012"], // ci-runner-sg
        ["sg-0a4f6e2c8b1d93e57"] = ["SGA001", "SGA004", "SGA008", "SGA011", "SGA012"], // partner-sftp-sg (all but SGA012 suppressed by its own tag)
        ["acl-05c142ba72c14c890"] = ["SGA010"], // default NACL, default VPC
        ["acl-0a7f2e876c2097782"] = ["SGA010"], // prod-default-nacl
        ["acl-0da5b3a65e4989559"] = ["SGA010"], // prod-app-nacl
        ["acl-02264ea2d992245f9"] = ["SGA010"], // default NACL, eu-analytics-vpc
        ["acl-0f69c8dae86051699"] = ["SGA010"], // default NACL, staging-vpc
    };

    private static readonly string[] BuiltInRuleIds =
    [
        "SGA001", "SGA002", "SGA003", "SGA004", "SGA005", "SGA006", "SGA007", "SGA008", "SGA009", "SGA010",
        "SGA011", "SGA012", "SGA013", "SGA014", "SGA015", "SGA016",
    ];

    /// <summary>The one reference the demo keeps to a group that is gone (db-tier-sg's, through reporting-vpc's deleted peering; SGA013).</summary>
    private const string StaleReference = "sg-0e7d3b5a1c9f24e68";

    private static readonly Lazy<Task<DemoScan>> Scan = new(ScanDemoAsync);

    [Fact]
    public void Should_LoadTwoAccounts_When_TheEmbeddedDemoIsRead()
    {
        var model = ModelSource.LoadDemo();

        Assert.Equal("demo", model.Kind);
        Assert.Equal(1, model.Document.Version);
        Assert.Equal([Production, Staging], model.Document.Accounts.Select(a => a.Id));
        Assert.Equal(["acme-production", "acme-staging"], model.Document.Accounts.Select(a => a.Name));
        Assert.All(model.Document.Accounts, a => Assert.Null(a.Error));
        Assert.All(model.Document.Accounts.SelectMany(a => a.Regions), r =>
        {
            Assert.Null(r.Error);
            Assert.NotNull(r.Vpcs);
            Assert.NotNull(r.SecurityGroups);
            Assert.NotNull(r.NetworkInterfaces);
            Assert.NotNull(r.NetworkAcls);
            Assert.NotNull(r.Trails);
            Assert.NotNull(r.CloudTrailEvents);
        });
    }

    [Fact]
    public async Task Should_ShowOneAccountLoggingAndOneWithOnlyASingleRegionTrail_When_TrailPostureIsRead()
    {
        // Given the demo, collected
        var model = ModelSource.LoadDemo();
        var scan = await Scan.Value;

        // When trail posture is read
        var postures = await new TrailPostureCollector().CollectAsync(CloudTrailTarget.From(new EmbeddedEmulator(model.Document).Accounts), scan.Inventory, CancellationToken.None);

        // Then production logs through its multi-region trail and staging has a single-region trail only (the table in the YAML file)
        Assert.Equal(
            [
                (Production, TrailPostureStatus.Logging, (TrailGap?)null, "acme-org-trail", "us-east-1"),
                (Staging, TrailPostureStatus.NotLogging, TrailGap.NotMultiRegion, "staging-trail", "us-west-2"),
            ],
            postures.Select(p => (p.AccountId, p.Status, p.Gap, p.TrailName!, p.HomeRegion!)));
    }

    [Fact]
    public async Task Should_AttributeTheFailingGroupsAsTheTableSays_When_ScannedOn20261122()
    {
        // Given the demo's findings and a clock at the tests' fixed date
        var model = ModelSource.LoadDemo();
        var scan = await Scan.Value;
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

        // When the failing groups are attributed
        var attributions = await new ChangeAttributionCollector(new AttributionOptions(), clock)
            .CollectAsync(CloudTrailTarget.From(new EmbeddedEmulator(model.Document).Accounts), scan.Evaluation.Findings, CancellationToken.None);

        // Then five have a change (the table at the top of the YAML file) and the other fourteen none in 90 days
        var found = attributions.Where(a => a.Status == AttributionStatus.Found)
            .Select(a => (a.GroupId, a.Change!.EventName, a.Change.EventTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), a.Change.Actor));
        Assert.Equal(
            [
                ("sg-0297e088329ccd5c7", "AuthorizeSecurityGroupIngress", "2026-11-18T16:05:27.0000000+00:00", "arn:aws:iam::123456789012:user/maria.schmidt"),
                ("sg-05079d29b8389e190", "ModifySecurityGroupRules", "2026-10-21T14:30:52.0000000+00:00", "arn:aws:sts::123456789012:assumed-role/terraform-deployer/gha-prod-deploy-1187"),
                ("sg-073012613bef0e94f", "AuthorizeSecurityGroupIngress", "2026-11-03T22:47:09.0000000+00:00", "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_4f1c2b7a9e8d3c60/jane.doe@acme.example"),
                ("sg-0c0a247267d230dc3", "AuthorizeSecurityGroupIngress", "2026-09-15T10:03:40.0000000+00:00", "arn:aws:iam::123456789012:user/tom.hughes"),
                ("sg-065094d81e5a3cebe", "AuthorizeSecurityGroupIngress", "2026-10-30T11:11:11.0000000+00:00", "arn:aws:sts::210987654321:assumed-role/cfn-staging-deploy/AWSCloudFormation"),
            ],
            found);
        Assert.Equal(
            [
                "sg-044804269e8176ce2", "sg-06e46be1e93f86718", "sg-0a4f6e2c8b1d93e57", "sg-0a6c2e9f4b7d1358e", "sg-0ad3c7ad2fe6f8e00",
                "sg-0b3d5f7a9c2e4b6d8", "sg-0bb93588b2d952d6b", "sg-0d5a4a006b833bbc2", "sg-0da849c7e0f104941", "sg-0e05c99b2cddb6481",
                "sg-0ed7b02368ac6af37", "sg-0f3925fc85297fff9", "sg-0fd52e510640c00be", "sg-0ffae4501ad77c296",
            ],
            attributions.Where(a => a.Status == AttributionStatus.NoChangeInWindow).Select(a => a.GroupId).Order(StringComparer.Ordinal));
        Assert.Equal(19, attributions.Length);
    }

    [Fact]
    public async Task Should_CollectEveryRegionWithoutGaps_When_TheDemoIsScanned()
    {
        var scan = await Scan.Value;

        Assert.Empty(scan.Inventory.NotAssessed);
        Assert.Empty(scan.Evaluation.Gaps);
        Assert.All(scan.Inventory.Regions, r => Assert.Empty(r.MissingParts));
        Assert.Equal(
            [(Production, "eu-west-1"), (Production, "us-east-1"), (Staging, "us-west-2")],
            scan.Inventory.Regions.Select(r => (r.AccountId, r.Region)).Order());
    }

    [Fact]
    public async Task Should_HaveADefaultAndACustomVpc_When_TheMainRegionIsCollected()
    {
        var scan = await Scan.Value;
        var main = scan.Region(Production, "us-east-1");

        Assert.True(main.Vpcs.Length >= 2);
        Assert.Contains(main.Vpcs, v => v.IsDefault && v.CidrBlock == "172.31.0.0/16");
        Assert.Contains(main.Vpcs, v => !v.IsDefault && !v.Ipv6CidrBlocks.IsEmpty && NameOf(v.Tags) == "prod-vpc");
    }

    [Fact]
    public async Task Should_GiveEveryVpcItsDefaultGroupAndDefaultNacl_When_TheDemoIsCollected()
    {
        var scan = await Scan.Value;

        foreach (var region in scan.Inventory.Regions)
        {
            foreach (var vpc in region.Vpcs)
            {
                Assert.Single(region.SecurityGroups, g => g.IsDefault && g.VpcId == vpc.Id);
                var acl = Assert.Single(region.NetworkAcls, a => a.IsDefault && a.VpcId == vpc.Id);
                var ipv4 = acl.Entries.Where(e => !e.Cidr.BaseAddress.ToString().Contains(':', StringComparison.Ordinal)).ToList();
                Assert.Contains(ipv4, e => e.RuleNumber == 100 && e.Action == RuleAction.Allow && e.Direction == Direction.Ingress && e.Protocol.IsAll);
                Assert.Contains(ipv4, e => e.RuleNumber == 32767 && e.Action == RuleAction.Deny && e.Direction == Direction.Ingress);
                Assert.Contains(ipv4, e => e.RuleNumber == 100 && e.Action == RuleAction.Allow && e.Direction == Direction.Egress);
                Assert.Contains(ipv4, e => e.RuleNumber == 32767 && e.Action == RuleAction.Deny && e.Direction == Direction.Egress);
                if (!vpc.Ipv6CidrBlocks.IsEmpty)
                {
                    Assert.Contains(acl.Entries, e => e.RuleNumber == 101 && e.Action == RuleAction.Allow && e.Direction == Direction.Ingress);
                    Assert.Contains(acl.Entries, e => e.RuleNumber == 32768 && e.Action == RuleAction.Deny && e.Direction == Direction.Ingress);
                }
            }
        }
    }

    [Fact]
    public async Task Should_IncludeInstanceAndManagedServiceInterfaces_When_TheDemoIsCollected()
    {
        var scan = await Scan.Value;
        var interfaces = scan.Inventory.Regions.SelectMany(r => r.NetworkInterfaces).ToList();

        Assert.Contains(interfaces, e => e.InstanceId is not null && e.Status == "in-use");
        Assert.Contains(interfaces, e => e.RequesterId == "amazon-elb" && e.Description!.StartsWith("ELB app/", StringComparison.Ordinal));
        Assert.Contains(interfaces, e => e.RequesterId == "amazon-rds" && e.Description == "RDSNetworkInterface");
        Assert.Contains(interfaces, e => e.InterfaceType == "lambda" && e.RequesterManaged);
        Assert.Contains(interfaces, e => e.InterfaceType == "vpc_endpoint" && e.RequesterManaged);
        Assert.Contains(interfaces, e => e.Status == "available" && e.InstanceId is null && !e.GroupIds.IsEmpty);
        Assert.Contains(interfaces, e => e.InterfaceType == "nat_gateway" && e.GroupIds.IsEmpty);
    }

    [Fact]
    public async Task Should_FailAndPassEveryBuiltInRule_When_TheDemoIsScanned()
    {
        var scan = await Scan.Value;

        Assert.Equal(BuiltInRuleIds, scan.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var ruleId in BuiltInRuleIds)
        {
            var outcomes = scan.Evaluation.Outcomes.Where(o => o.RuleId == ruleId).ToList();
            Assert.True(outcomes.Any(o => !o.Passed), $"{ruleId} fails on nothing in the demo");
            Assert.True(outcomes.Any(o => o.Passed), $"{ruleId} passes on nothing in the demo");
        }
    }

    [Fact]
    public async Task Should_FailExactlyTheDocumentedRules_When_TheDemoIsScanned()
    {
        var scan = await Scan.Value;

        var actual = scan.Evaluation.Outcomes
            .Where(o => !o.Passed)
            .Select(o => $"{o.ResourceId} {o.RuleId}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = ExpectedFailures
            .SelectMany(f => f.Value.Select(rule => $"{f.Key} {rule}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
        Assert.All(scan.Evaluation.Findings, f => Assert.Contains(f.ResourceId, ExpectedFailures.Keys));
    }

    [Theory]
    [InlineData("SGA004", "bastion-sg", false)]
    [InlineData("SGA004", "web-alb-sg", true)]
    [InlineData("SGA008", "web-alb-sg", true)]
    [InlineData("SGA008", "web-tier-sg", false)]
    [InlineData("SGA001", "corp-ssh-access", true)]
    [InlineData("SGA004", "corp-ssh-access", true)]
    [InlineData("SGA008", "ipsec-esp-sg", true)]
    [InlineData("SGA009", "ipsec-esp-sg", true)]
    [InlineData("SGA009", "partner-vpn-sg", true)]
    [InlineData("SGA008", "partner-vpn-sg", true)]
    [InlineData("SGA007", "monitoring-scrape-sg", false)]
    [InlineData("SGA009", "monitoring-scrape-sg", true)]
    [InlineData("SGA007", "app-tier-sg", false)]
    [InlineData("SGA009", "debug-all-open", false)]
    [InlineData("SGA007", "debug-all-open", true)]
    [InlineData("SGA009", "old-migration-sg", false)]
    [InlineData("SGA001", "old-migration-sg", true)]
    [InlineData("SGA006", "old-migration-sg", false)]
    [InlineData("SGA006", "batch-worker-sg", true)]
    [InlineData("SGA006", "db-tier-sg", true)]
    [InlineData("SGA006", "lambda-egress-sg", true)]
    [InlineData("SGA006", "vpce-ssm-sg", true)]
    [InlineData("SGA004", "analytics-admin-sg", false)]
    [InlineData("SGA001", "analytics-admin-sg", true)]
    [InlineData("SGA003", "sg-0ad3c7ad2fe6f8e00", false)]
    [InlineData("SGA003", "sg-0cce84fca5d48fa55", true)]
    [InlineData("SGA010", "prod-public-nacl", true)]
    [InlineData("SGA010", "prod-app-nacl", false)]
    [InlineData("SGA010", "eu-analytics-private-nacl", true)]
    [InlineData("SGA011", "web-alb-sg", true)]
    [InlineData("SGA011", "staging-alb-sg", true)]
    [InlineData("SGA011", "partner-vpn-sg", true)]
    [InlineData("SGA011", "ipsec-esp-sg", true)]
    [InlineData("SGA011", "web-tier-sg", false)]
    [InlineData("SGA012", "lambda-egress-sg", true)]
    [InlineData("SGA012", "staging-app-sg", false)]
    [InlineData("SGA013", "db-tier-sg", false)]
    [InlineData("SGA013", "app-tier-sg", true)]
    [InlineData("SGA014", "legacy-erp-sg", false)]
    [InlineData("SGA014", "partner-vpn-sg", true)]
    [InlineData("SGA015", "launch-wizard-1", false)]
    [InlineData("SGA015", "bastion-sg", true)]
    [InlineData("SGA016", "staging-app-sg", false)]
    [InlineData("SGA016", "monitoring-scrape-sg", true)]
    [InlineData("SGA016", "bastion-sg", true)]
    public async Task Should_ReachTheStorysVerdict_When_ARuleMeetsAStoryResource(string ruleId, string resource, bool passed)
    {
        var scan = await Scan.Value;
        var id = scan.IdOf(resource);

        var outcome = Assert.Single(scan.Evaluation.Outcomes, o => o.RuleId == ruleId && o.ResourceId == id);
        Assert.Equal(passed, outcome.Passed);
    }

    [Fact]
    public async Task Should_UseRealisticIdsArnsAndTags_When_TheDemoIsCollected()
    {
        var scan = await Scan.Value;

        foreach (var region in scan.Inventory.Regions)
        {
            Assert.All(region.Vpcs, v => Assert.Matches(AwsId("vpc"), v.Id));
            Assert.All(region.NetworkAcls, a => Assert.Matches(AwsId("acl"), a.Id));
            Assert.All(region.NetworkInterfaces, e =>
            {
                Assert.Matches(AwsId("eni"), e.Id);
                Assert.Matches(AwsId("subnet"), e.SubnetId!);
                if (e.InstanceId is not null)
                {
                    Assert.Matches(AwsId("i"), e.InstanceId);
                }
            });
            Assert.All(region.SecurityGroups, g =>
            {
                Assert.Matches(AwsId("sg"), g.Id);
                Assert.Equal(region.AccountId, g.OwnerId);
                Assert.Equal($"arn:aws:ec2:{region.Region}:{region.AccountId}:security-group/{g.Id}", g.Arn);
                Assert.False(string.IsNullOrWhiteSpace(g.Description));
                if (!g.IsDefault)
                {
                    var keys = g.Tags.Select(t => t.Key).ToList();
                    Assert.Contains("Name", keys);
                    Assert.Contains("Environment", keys);
                    Assert.Contains("Owner", keys);
                    Assert.Equal(g.Name, NameOf(g.Tags));
                }
            });
        }
    }

    [Fact]
    public async Task Should_ReferenceOnlyResourcesThatExist_When_TheDemoIsCollected()
    {
        var scan = await Scan.Value;

        foreach (var region in scan.Inventory.Regions)
        {
            var vpcs = region.Vpcs.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
            var groups = region.SecurityGroups.ToDictionary(g => g.Id, StringComparer.Ordinal);
            Assert.All(region.SecurityGroups, g => Assert.Contains(g.VpcId!, vpcs));
            Assert.All(region.NetworkAcls, a => Assert.Contains(a.VpcId!, vpcs));
            Assert.All(region.NetworkInterfaces, e =>
            {
                Assert.Contains(e.VpcId!, vpcs);
                Assert.All(e.GroupIds, id => Assert.Equal(e.VpcId, groups[id].VpcId));
            });
            var references = region.SecurityGroups
                .SelectMany(g => g.Ingress.Concat(g.Egress).SelectMany(p => p.Sources).OfType<GroupReferenceSource>().Select(s => (Group: g, s.GroupId)))
                .Where(r => r.GroupId != StaleReference);
            Assert.All(references, r => Assert.Equal(r.Group.VpcId, groups[r.GroupId].VpcId));

            // Every subnet an interface sits in is associated with exactly one network ACL of its VPC.
            Assert.All(region.NetworkInterfaces, e => Assert.Single(region.NetworkAcls, a => a.SubnetIds.Contains(e.SubnetId!) && a.VpcId == e.VpcId));
        }
    }

    [Fact]
    public async Task Should_SuppressThePartnerSftpGroupByItsOwnTagUntilJune2027_When_TheDemoIsScanned()
    {
        // Given the demo's findings and the suppression tags its resources carry
        var scan = await Scan.Value;
        var tags = TagSuppressions.Collect(scan.Inventory, BuiltInRuleIds.ToHashSet(StringComparer.Ordinal));

        // When they are applied on the tests' date and on the day after the tag's date
        var (before, results) = SuppressionMatcher.Apply(scan.Evaluation.Findings, tags.Valid, new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        var (after, expired) = SuppressionMatcher.Apply(scan.Evaluation.Findings, tags.Valid, new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero));

        // Then exactly partner-sftp-sg's four gate findings are suppressed, by one valid tag, until 2027-06-30
        Assert.Empty(tags.Invalid);
        var tag = Assert.Single(tags.Valid);
        Assert.Equal(("sg-0a4f6e2c8b1d93e57", new DateOnly(2027, 6, 30)), (tag.Source.ResourceId, tag.Until));
        Assert.Equal(["sg-0a4f6e2c8b1d93e57 SGA001", "sg-0a4f6e2c8b1d93e57 SGA004", "sg-0a4f6e2c8b1d93e57 SGA008", "sg-0a4f6e2c8b1d93e57 SGA011"],
            before.Where(f => f.Suppression is not null).Select(f => $"{f.ResourceId} {f.RuleId}").Order(StringComparer.Ordinal));
        Assert.Equal(SuppressionStatus.Applied, Assert.Single(results).Status);
        Assert.All(after, f => Assert.Null(f.Suppression));
        Assert.Equal(SuppressionStatus.Expired, Assert.Single(expired).Status);
    }

    [Fact]
    public async Task Should_CarryHostileText_When_TheDemoExercisesOutputEscaping()
    {
        var scan = await Scan.Value;
        var group = scan.Inventory.Regions.SelectMany(r => r.SecurityGroups).Single(g => g.Name == "old-migration-sg");

        Assert.Contains(group.Tags, t => t.Key == "Owner" && t.Value == "<script>alert(\"x\")</script>");
        Assert.Contains("\"Falcon\" DB migration & cutover <MIG-112>", group.Description, StringComparison.Ordinal);
        Assert.Contains(scan.Evaluation.Findings, f => f.ResourceId == group.Id);
    }

    private static async Task<DemoScan> ScanDemoAsync()
    {
        var model = ModelSource.LoadDemo();
        var inventory = await ScanPipeline.CollectAsync(model.Document);
        var rules = ScanPipeline.Rules();
        return new DemoScan(inventory, rules, ScanPipeline.Evaluate(inventory, rules));
    }

    private static string? NameOf(IEnumerable<ResourceTag> tags) => tags.FirstOrDefault(t => t.Key == "Name")?.Value;

    private static Regex AwsId(string prefix) => new($"^{prefix}-[0-9a-f]{{17}}$");

    private sealed record DemoScan(Inventory Inventory, ImmutableArray<ResolvedRule> Rules, EvaluationResult Evaluation)
    {
        public RegionInventory Region(string accountId, string region) =>
            Inventory.Regions.Single(r => r.AccountId == accountId && r.Region == region);

        /// <summary>A resource id as given, or the id of the one group or NACL with that name.</summary>
        public string IdOf(string resource)
        {
            if (resource.StartsWith("sg-", StringComparison.Ordinal) || resource.StartsWith("acl-", StringComparison.Ordinal))
            {
                return resource;
            }

            var matches = Inventory.Regions.SelectMany(r => r.SecurityGroups).Where(g => g.Name == resource).Select(g => g.Id)
                .Concat(Inventory.Regions.SelectMany(r => r.NetworkAcls).Where(a => NameOf(a.Tags) == resource).Select(a => a.Id))
                .ToList();
            return Assert.Single(matches);
        }
    }
}
