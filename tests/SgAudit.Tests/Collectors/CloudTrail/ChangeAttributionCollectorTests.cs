using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Tests.Support;
using static SgAudit.Tests.Collectors.CloudTrail.CloudTrailModels;

namespace SgAudit.Tests.Collectors.CloudTrail;

public sealed class ChangeAttributionCollectorTests
{
    /// <summary>The scan's "now"; the window starts 90 days earlier, at 2026-08-24T08:00:00Z.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_KeepTheNewestGroupChange_When_SeveralEventsTouchTheGroup()
    {
        // Given an older ingress change, a newer revoke, and a still newer tag change that is not a rule change
        var attributions = await AttributeAsync(Model("sg-0aaa", events: Event("e1", "AuthorizeSecurityGroupIngress", "2026-11-01T10:00:00Z", "sg-0aaa")
            + Event("e2", "RevokeSecurityGroupEgress", "2026-11-10T10:00:00Z", "sg-0aaa", "arn:aws:sts::111122223333:assumed-role/Admin/bob", "198.51.100.7")
            + Event("e3", "CreateTags", "2026-11-20T10:00:00Z", "sg-0aaa")));

        // Then the revoke is the last change, with its caller, time, address and event id
        var attribution = Assert.Single(attributions);
        Assert.Equal(AttributionStatus.Found, attribution.Status);
        Assert.Equal(
            new GroupChange(Account, "us-east-1", "sg-0aaa", "RevokeSecurityGroupEgress", new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero), "arn:aws:sts::111122223333:assumed-role/Admin/bob", "e2") { SourceIp = "198.51.100.7" },
            attribution.Change);
    }

    [Fact]
    public async Task Should_SayNoChange_When_OnlyOtherEventNamesTouchTheGroup()
    {
        var attributions = await AttributeAsync(Model("sg-0aaa", events: Event("e1", "CreateTags", "2026-11-01T10:00:00Z", "sg-0aaa") + Event("e2", "DeleteTags", "2026-11-02T10:00:00Z", "sg-0aaa")));

        Assert.Equal([new GroupAttribution(Account, "us-east-1", "sg-0aaa", AttributionStatus.NoChangeInWindow)], attributions.ToArray());
    }

    [Theory]
    [InlineData("2026-08-24T08:00:00Z", AttributionStatus.Found)]
    [InlineData("2026-08-24T07:59:59Z", AttributionStatus.NoChangeInWindow)]
    [InlineData("2026-11-22T08:00:00Z", AttributionStatus.Found)]
    [InlineData("2026-11-22T08:00:01Z", AttributionStatus.NoChangeInWindow)]
    public async Task Should_LookExactlyNinetyDaysBack_When_EventsAreAtTheWindowEdges(string time, AttributionStatus expected)
    {
        var attributions = await AttributeAsync(Model("sg-0aaa", events: Event("e1", "ModifySecurityGroupRules", time, "sg-0aaa")));

        Assert.Equal(expected, Assert.Single(attributions).Status);
    }

    [Fact]
    public async Task Should_FollowNextToken_When_TheChangeIsOnALaterPage()
    {
        // Given three newer unrelated events before the change, read one per page
        var model = Model("sg-0aaa", events: Event("e1", "CreateSecurityGroup", "2026-11-01T10:00:00Z", "sg-0aaa")
            + Event("e2", "CreateTags", "2026-11-02T10:00:00Z", "sg-0aaa")
            + Event("e3", "CreateTags", "2026-11-03T10:00:00Z", "sg-0aaa")
            + Event("e4", "CreateTags", "2026-11-04T10:00:00Z", "sg-0aaa"));
        var counting = new CountingCloudTrailApi(new EmulatedCloudTrailApi(Read(model).Accounts[0]));

        // When attributed with a page size of one
        var attributions = await AttributeAsync(model, new AttributionOptions { PageSize = 1 }, counting);

        // Then every page was read until the change, and the tokens were replayed
        Assert.Equal("e1", Assert.Single(attributions).Change!.EventId);
        Assert.Equal(4, counting.Lookups.Count);
        Assert.Equal([null, "t", "t", "t"], counting.Lookups.Select(r => r.NextToken is null ? null : "t"));
        Assert.All(counting.Lookups, r => Assert.Equal(("sg-0aaa", Now.AddDays(-90), Now), (r.ResourceName, r.StartTime, r.EndTime)));
    }

    [Fact]
    public async Task Should_StopPaging_When_APageHoldsAChange()
    {
        // Given the newest event is a change and older pages follow
        var model = Model("sg-0aaa", events: Event("e1", "CreateSecurityGroup", "2026-11-01T10:00:00Z", "sg-0aaa") + Event("e2", "AuthorizeSecurityGroupIngress", "2026-11-02T10:00:00Z", "sg-0aaa"));
        var counting = new CountingCloudTrailApi(new EmulatedCloudTrailApi(Read(model).Accounts[0]));

        var attributions = await AttributeAsync(model, new AttributionOptions { PageSize = 1 }, counting);

        Assert.Equal("e2", Assert.Single(attributions).Change!.EventId);
        Assert.Single(counting.Lookups);
    }

    [Fact]
    public async Task Should_MarkGroupsBeyondTheCapNotLookedUp_When_ARegionHasMoreFailingGroups()
    {
        // Given three failing groups in one region and a cap of two lookups per region
        var model = Model(["sg-0aaa", "sg-0bbb", "sg-0ccc"], events: Event("e1", "CreateSecurityGroup", "2026-11-01T10:00:00Z", "sg-0ccc"));

        var attributions = await AttributeAsync(model, new AttributionOptions { MaxLookupsPerRegion = 2 });

        // Then the first two by id are looked up and the third is not
        Assert.Equal(
            [("sg-0aaa", AttributionStatus.NoChangeInWindow), ("sg-0bbb", AttributionStatus.NoChangeInWindow), ("sg-0ccc", AttributionStatus.NotLookedUp)],
            attributions.Select(a => (a.GroupId, a.Status)));
    }

    [Fact]
    public async Task Should_SayNotAssessedWithTheCode_When_TheRegionHasNoEvents()
    {
        var attributions = await AttributeAsync(Model(["sg-0aaa", "sg-0bbb"], events: null));

        Assert.All(attributions, a => Assert.Equal((AttributionStatus.NotAssessed, EmulatedEc2Api.NotProvidedCode), (a.Status, a.ErrorCode)));
        Assert.Equal(2, attributions.Length);
    }

    [Fact]
    public async Task Should_StopAskingARegion_When_ItRefusesALookup()
    {
        // Given a CloudTrail that denies every lookup
        var model = Model(["sg-0aaa", "sg-0bbb", "sg-0ccc"], events: "");
        var denying = Denying(model);

        var attributions = await AttributeAsync(model, new AttributionOptions(), denying);

        // Then every group is not assessed with that error, after one call
        Assert.Equal(
            Enumerable.Repeat(("AccessDeniedException", "no lookups for you"), 3),
            attributions.Select(a => (a.ErrorCode!, a.ErrorMessage!)));
        Assert.Single(denying.Lookups);
    }

    [Fact]
    public async Task Should_SayNotAssessedPastTheCapToo_When_TheRegionRefusedALookup()
    {
        // Given a CloudTrail that denies every lookup, and more failing groups than the cap of two lookups
        var model = Model(["sg-0aaa", "sg-0bbb", "sg-0ccc", "sg-0ddd"], events: "");
        var denying = Denying(model);

        var attributions = await AttributeAsync(model, new AttributionOptions { MaxLookupsPerRegion = 2 }, denying);

        // Then the groups past the cap are not assessed for the refusal too, not "not looked up" for the cap
        Assert.Equal(
            Enumerable.Repeat((AttributionStatus.NotAssessed, "AccessDeniedException"), 4),
            attributions.Select(a => (a.Status, a.ErrorCode!)));
        Assert.Single(denying.Lookups);
    }

    [Fact]
    public async Task Should_AttributeOnlySecurityGroups_When_ANetworkAclFails()
    {
        // Given a failing group and a failing network ACL
        var yaml = Model("sg-0aaa", events: "") + """
                    NetworkAcls:
                      - NetworkAclId: acl-0aaa
                        Entries: [{RuleNumber: 100, Protocol: "-1", RuleAction: allow, Egress: false, CidrBlock: 0.0.0.0/0}]
            """;

        var attributions = await AttributeAsync(yaml);

        Assert.Equal(["sg-0aaa"], attributions.Select(a => a.GroupId));
    }

    [Fact]
    public async Task Should_LookUpEachFailingGroupOnceInRegionAndIdOrder_When_FindingsComeInAnyOrder()
    {
        // Given groups in two regions, each failing several rules (SSH and RDP from anywhere), the same id in both
        var yaml = $"accounts:\n  - id: \"{Account}\"\n    regions:\n" + Region("us-east-1", "sg-0ccc", "sg-0aaa") + Region("eu-west-1", "sg-0bbb", "sg-0aaa");

        // When the findings are handed over in no particular order (by fingerprint), regions interleaved
        var attributions = await AttributeAsync(yaml, reorder: findings => findings.OrderBy(f => f.Fingerprint, StringComparer.Ordinal));

        // Then each group is looked up once, by region and then id
        Assert.Equal(
            [("eu-west-1", "sg-0aaa"), ("eu-west-1", "sg-0bbb"), ("us-east-1", "sg-0aaa"), ("us-east-1", "sg-0ccc")],
            attributions.Select(a => (a.Region, a.GroupId)));

        static string Region(string name, params string[] groupIds) =>
            $"      - name: {name}\n        NetworkInterfaces: []\n        CloudTrailEvents: []\n        SecurityGroups:\n"
            + string.Concat(groupIds.Select(id => $"          - GroupId: {id}\n            IpPermissions: [{{IpProtocol: tcp, FromPort: 22, ToPort: 22, IpRanges: [{{CidrIp: 0.0.0.0/0}}]}}, {{IpProtocol: tcp, FromPort: 3389, ToPort: 3389, IpRanges: [{{CidrIp: 0.0.0.0/0}}]}}]\n"));
    }

    /// <summary>The model's CloudTrail, counting its lookups and denying every one.</summary>
    private static CountingCloudTrailApi Denying(string model) =>
        new(new EmulatedCloudTrailApi(Read(model).Accounts[0])) { Error = new SgAudit.Collectors.AwsApiException("AccessDeniedException", "no lookups for you", 400) };

    /// <summary>One region with failing groups (SSH from anywhere) and optional CloudTrailEvents (null: not provided).</summary>
    private static string Model(string groupId, string? events) => Model([groupId], events);

    private static string Model(string[] groupIds, string? events) =>
        $"accounts:\n  - id: \"{Account}\"\n    regions:\n      - name: us-east-1\n        NetworkInterfaces: []\n        SecurityGroups:\n"
        + string.Concat(groupIds.Select(id => $"          - GroupId: {id}\n            IpPermissions: [{{IpProtocol: tcp, FromPort: 22, ToPort: 22, IpRanges: [{{CidrIp: 0.0.0.0/0}}]}}]\n"))
        + (events is null ? "" : "        CloudTrailEvents:" + (events.Length == 0 ? " []\n" : "\n" + events));

    private static async Task<ImmutableArray<GroupAttribution>> AttributeAsync(string yaml, AttributionOptions? options = null, ICloudTrailApi? api = null, Func<IEnumerable<Finding>, IEnumerable<Finding>>? reorder = null)
    {
        var document = Read(yaml);
        var inventory = await ScanPipeline.CollectAsync(document);
        var evaluation = ScanPipeline.Evaluate(inventory, ScanPipeline.Rules());
        var target = new CloudTrailTarget(Account, api ?? new EmulatedCloudTrailApi(document.Accounts[0]));
        return await new ChangeAttributionCollector(options ?? new AttributionOptions(), new FixedTimeProvider(Now)).CollectAsync([target], reorder is null ? evaluation.Findings : [.. reorder(evaluation.Findings)], CancellationToken.None);
    }

}
