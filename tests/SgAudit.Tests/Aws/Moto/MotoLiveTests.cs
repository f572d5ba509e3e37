using System.Collections.Immutable;
using System.Text.Json;
using Amazon.Runtime;
using SgAudit.Aws;
using SgAudit.Aws.Accounts;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Aws.Moto;

/// <summary>
/// The live clients against a real moto_server: role assumption into two accounts, EC2 in two regions, CloudTrail,
/// collected by the real <see cref="InventoryCollector"/> and compared with what seed_moto.py created.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoLiveTests(MotoServerFixture moto)
{
    private const string MainAccount = "123456789012";
    private const string OtherAccount = "222222222222";
    private static readonly ImmutableArray<string> Regions = ["eu-west-1", "us-east-1"];

    [Fact]
    public async Task Should_CollectExactlyWhatWasSeeded_When_ScanningTwoAccountsThroughRolesInTwoRegions()
    {
        // Given roles into both moto accounts, every call sent to the local moto_server
        Assert.Equal("127.0.0.1", moto.Endpoint.Host);
        var options = Options() with { RoleArns = [$"arn:aws:iam::{MainAccount}:role/SgAuditReadOnly", $"arn:aws:iam::{OtherAccount}:role/SgAuditReadOnly"] };
        var transport = new LoopbackOnlyHandler();
        using var source = await CreateAsync(options, transport);

        // When the real collector reads them with EC2's smallest page
        var inventory = await new InventoryCollector(new CollectionOptions { Regions = Regions, PageSize = 5 }).CollectAsync(source.Targets, CancellationToken.None);

        // Then both accounts were reached by their own credentials, and nothing is missing
        Assert.Equal([MainAccount, OtherAccount], source.Targets.Select(t => t.AccountId));
        Assert.Empty(source.Failures);
        Assert.Empty(inventory.NotAssessed);
        Assert.Equal([(MainAccount, "eu-west-1"), (MainAccount, "us-east-1"), (OtherAccount, "eu-west-1"), (OtherAccount, "us-east-1")], inventory.Regions.Select(r => (r.AccountId, r.Region)));

        foreach (var region in Regions)
        {
            var seeded = moto.Seed.GetProperty(MainAccount).GetProperty(region);
            var collected = inventory.Regions.Single(r => r.AccountId == MainAccount && r.Region == region);
            Assert.Equal(Ids(seeded, "groups"), collected.SecurityGroups.Select(g => g.Id).Order(StringComparer.Ordinal));
            Assert.Equal(Ids(seeded, "interfaces"), collected.NetworkInterfaces.Select(n => n.Id).Order(StringComparer.Ordinal));
            Assert.Equal(Ids(seeded, "acls"), collected.NetworkAcls.Select(a => a.Id).Order(StringComparer.Ordinal));
            Assert.Equal(Ids(seeded, "vpcs"), collected.Vpcs.Select(v => v.Id).Order(StringComparer.Ordinal));
            AssertSeededRegion(seeded, collected);
        }

        var other = moto.Seed.GetProperty(OtherAccount).GetProperty("us-east-1");
        var otherRegion = inventory.Regions.Single(r => r.AccountId == OtherAccount && r.Region == "us-east-1");
        Assert.Equal(Ids(other, "groups"), otherRegion.SecurityGroups.Select(g => g.Id).Order(StringComparer.Ordinal));
        var otherGroup = otherRegion.SecurityGroups.Single(g => g.Id == other.GetProperty("group").GetString());
        Assert.Equal((OtherAccount, "other-account"), (otherGroup.OwnerId, otherGroup.Name));
        Assert.Equal(["tcp 3389 0.0.0.0/0"], otherGroup.Ingress.Select(Describe));

        // And every call went to loopback and was counted
        Assert.True(transport.Requests >= 4 * 4, $"only {transport.Requests} requests");
        Assert.Equal(transport.Requests, source.Calls.Calls.Where(c => !c.Key.StartsWith("sts:", StringComparison.Ordinal)).Sum(c => c.Value));
        Assert.Equal(4, source.Calls.Calls["ec2:DescribeSecurityGroups"]);
        Assert.Equal(2, source.Calls.Calls["sts:GetCallerIdentity"]);
        Assert.Equal(2, source.Calls.Calls["sts:AssumeRole"]);
    }

    [Fact]
    public async Task Should_ScanTheCallersAccount_When_NoRoleIsNamed()
    {
        using var source = await CreateAsync(Options(), new LoopbackOnlyHandler());

        var target = Assert.Single(source.Targets);
        var regions = await target.Api.DescribeRegionsAsync(CancellationToken.None);

        Assert.Equal(MainAccount, target.AccountId);
        Assert.Contains("us-east-1", regions.Select(r => r.RegionName));
        Assert.Contains("eu-west-1", regions.Select(r => r.RegionName));
        Assert.Equal(1, source.Calls.Calls["ec2:DescribeRegions"]);
    }

    [Fact]
    public async Task Should_ReadTrailStatusAndSelectors_When_CloudTrailHasAMultiRegionTrail()
    {
        using var source = await CreateAsync(Options(), new LoopbackOnlyHandler());
        var cloudTrail = source.Targets[0].CloudTrail!;
        var arn = moto.Seed.GetProperty("trail").GetProperty("arn").GetString()!;

        var home = Assert.Single(await cloudTrail.DescribeTrailsAsync("us-east-1", CancellationToken.None));
        var shadow = Assert.Single(await cloudTrail.DescribeTrailsAsync("eu-west-1", CancellationToken.None));
        var status = await cloudTrail.GetTrailStatusAsync("us-east-1", arn, CancellationToken.None);
        var selectors = await cloudTrail.GetEventSelectorsAsync("us-east-1", "org-trail", CancellationToken.None);

        Assert.Equal(("org-trail", arn, "us-east-1", true, true, "sgaudit-trail-bucket"), (home.Name, home.TrailARN, home.HomeRegion, home.IsMultiRegionTrail, home.LogFileValidationEnabled, home.S3BucketName));
        Assert.Equal((arn, "us-east-1"), (shadow.TrailARN, shadow.HomeRegion));
        Assert.True(status.IsLogging);
        Assert.NotNull(status.StartLoggingTime);
        Assert.Null(status.StopLoggingTime);
        Assert.Equal(arn, selectors.TrailARN);
        var selector = Assert.Single(selectors.EventSelectors!);
        Assert.Equal(("WriteOnly", true), (selector.ReadWriteType, selector.IncludeManagementEvents));
        Assert.Equal(["kms.amazonaws.com"], selector.ExcludeManagementEventSources!);
    }

    [Fact]
    public async Task Should_RaiseTheServiceError_When_CloudTrailRefusesOrCannotAnswer()
    {
        using var source = await CreateAsync(Options() with { MaxRetries = 1 }, new LoopbackOnlyHandler());
        var cloudTrail = source.Targets[0].CloudTrail!;
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var unknown = await Assert.ThrowsAsync<AwsApiException>(() => cloudTrail.GetTrailStatusAsync("us-east-1", "no-such-trail", CancellationToken.None));
        // moto does not implement LookupEvents: it answers HTTP 500 with an HTML page
        var lookup = await Assert.ThrowsAsync<AwsApiException>(() => cloudTrail.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", start, start.AddDays(1)), CancellationToken.None));

        Assert.Equal(("TrailNotFoundException", 400), (unknown.ErrorCode, unknown.HttpStatus));
        Assert.StartsWith("Unknown trail:", unknown.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(("InternalError", 500), (lookup.ErrorCode, lookup.HttpStatus));
        Assert.Equal("cloudtrail:LookupEvents in us-east-1 answered HTTP 500 without an AWS error message.", lookup.ErrorMessage);
        Assert.Equal(2, source.Calls.Calls["cloudtrail:LookupEvents"]);
    }

    private static void AssertSeededRegion(JsonElement seeded, RegionInventory collected)
    {
        string Id(string name) => seeded.GetProperty(name).GetString()!;
        var web = collected.SecurityGroups.Single(g => g.Id == Id("web"));
        var app = collected.SecurityGroups.Single(g => g.Id == Id("app"));
        Assert.Equal(("web", "web tier", Id("vpc"), MainAccount), (web.Name, web.Description, web.VpcId, web.OwnerId));
        Assert.Equal([new ResourceTag("tier", "web")], web.Tags.AsEnumerable());
        Assert.Equal(
            ["tcp 22 0.0.0.0/0 (ssh from anywhere)", "tcp 443 ::/0 (https v6)", $"tcp 5432 {Id("prefixList")}", "icmp type 8 code 0 10.0.0.0/8"],
            web.Ingress.Select(Describe));
        Assert.Equal([$"tcp 8080 {MainAccount}/{Id("web")} (from web)", "all traffic 0.0.0.0/0"], app.Ingress.Select(Describe));
        Assert.All(web.Egress.Concat(app.Egress), p => Assert.True(p.Protocol.IsAll));

        var eni = collected.NetworkInterfaces.Single(n => n.Id == Id("eni"));
        Assert.Equal([Id("web"), Id("app")], eni.GroupIds.AsEnumerable());
        Assert.Equal(("interface", "available", Id("vpc"), Id("subnet"), "sgaudit eni", false), (eni.InterfaceType, eni.Status, eni.VpcId, eni.SubnetId, eni.Description, eni.RequesterManaged));
        Assert.Equal([new ResourceTag("role", "lb")], eni.Tags.AsEnumerable());
        Assert.StartsWith("10.20.1.", eni.PrivateIpAddress, StringComparison.Ordinal);

        var acl = collected.NetworkAcls.Single(a => a.Id == Id("nacl"));
        Assert.Equal((Id("vpc"), false, MainAccount), (acl.VpcId, acl.IsDefault, acl.OwnerId));
        Assert.Equal(
            ["100 Ingress Allow tcp 22 0.0.0.0/0", "110 Ingress Deny udp 53 10.0.0.0/8", "120 Egress Allow all traffic ::/0"],
            acl.Entries.Select(e => $"{e.RuleNumber} {e.Direction} {e.Action} {e.Describe()} {e.Cidr}"));
    }

    private static string Describe(Permission permission) =>
        $"{permission.Describe()} {string.Join(", ", permission.Sources.Select(s => s.Description is null ? s.DisplayText : $"{s.DisplayText} ({s.Description})"))}";

    private static string[] Ids(JsonElement seeded, string name) =>
        [.. seeded.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

    private AwsSourceOptions Options() => new() { EndpointUrl = moto.Endpoint, Region = "us-east-1", MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromSeconds(60) };

    private static Task<AwsSource> CreateAsync(AwsSourceOptions options, HttpMessageHandler transport) =>
        AwsTargetFactory.CreateAsync(options, "us-east-1", RoleTargets.From(options, "aws"), new BasicAWSCredentials("testing", "testing"), transport, AwsTargetFactory.TransportSettings(options), CancellationToken.None);
}
