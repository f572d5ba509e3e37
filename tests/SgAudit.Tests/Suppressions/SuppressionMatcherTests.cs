using SgAudit.Core.Engine;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;
using SgAudit.Tests.Support;
using static SgAudit.Tests.Suppressions.SuppressionTestFindings;

namespace SgAudit.Tests.Suppressions;

public sealed class SuppressionMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    // One finding per selector dimension: each differs from "base" in exactly one of them.
    private static readonly Finding Base = Finding("SGA004", "sg-0aaa0001");
    private static readonly Finding OtherRule = Finding("SGA008", "sg-0aaa0001");
    private static readonly Finding OtherId = Finding("SGA004", "sg-0bbb0002");
    private static readonly Finding OtherName = Finding("SGA004", "sg-0aaa0003", name: "bastion-1");
    private static readonly Finding OtherVpc = Finding("SGA004", "sg-0aaa0004", vpc: "vpc-0ccc");
    private static readonly Finding NoVpc = Finding("SGA004", "sg-0aaa0005", vpc: null);
    private static readonly Finding OtherAccountFinding = Finding("SGA004", "sg-0aaa0006", account: OtherAccount);
    private static readonly Finding OtherRegion = Finding("SGA004", "sg-0aaa0007", region: "us-east-1");
    private static readonly Finding Acl = Finding("SGA004", "acl-0aaa0008", kind: ResourceKind.NetworkAcl);

    private static readonly Finding[] All = [Base, OtherRule, OtherId, OtherName, OtherVpc, NoVpc, OtherAccountFinding, OtherRegion, Acl];

    public static TheoryData<string, ResourceSelector, string[]> Selectors => new()
    {
        { "exact resource id", new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa0001") }, ["SGA004:sg-0aaa0001"] },
        { "resource id glob", new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa*") }, ["SGA004:sg-0aaa0001", "SGA004:sg-0aaa0003", "SGA004:sg-0aaa0004", "SGA004:sg-0aaa0005", "SGA004:sg-0aaa0006", "SGA004:sg-0aaa0007"] },
        { "name glob", new ResourceSelector { ResourceName = GlobPattern.Parse("bastion-?") }, ["SGA004:sg-0aaa0003"] },
        { "vpc", new ResourceSelector { VpcId = "vpc-0ccc" }, ["SGA004:sg-0aaa0004"] },
        { "account", new ResourceSelector { AccountId = OtherAccount }, ["SGA004:sg-0aaa0006"] },
        { "region", new ResourceSelector { Region = "us-east-1" }, ["SGA004:sg-0aaa0007"] },
        { "every selector must match", new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa*"), Region = "eu-west-1", VpcId = "vpc-0aaa", AccountId = Account }, ["SGA004:sg-0aaa0001", "SGA004:sg-0aaa0003"] },
    };

    [Theory]
    [MemberData(nameof(Selectors))]
    public void Should_SuppressExactlyTheSelectedFindingsOfTheRule_When_ASelectorIsGiven(string name, ResourceSelector selector, string[] expected)
    {
        // Given findings that each differ in one selector dimension, and a suppression of SGA004 with one selector
        Assert.NotEmpty(name);
        var suppression = Config(selector, 3, "SGA004");

        // When it is applied
        var (findings, results) = SuppressionMatcher.Apply([.. All], [suppression], Now);

        // Then exactly the selected SGA004 findings are suppressed (never the SGA008 one), and it is applied
        Assert.Equal(expected, SuppressedIds(findings));
        Assert.All(findings.Where(f => f.Suppression is not null), f => Assert.Same(suppression, f.Suppression));
        var result = Assert.Single(results);
        Assert.Equal((SuppressionStatus.Applied, expected.Length, expected.Length), (result.Status, result.Findings, result.Suppressed));
    }

    [Fact]
    public void Should_CoverOnlyItsOwnResource_When_ItComesFromATag()
    {
        // Given a tag suppression on a network ACL, and a group in the same scope with the same id characters
        var tag = Tag(Acl, "SGA004");

        // When it is applied
        var (findings, _) = SuppressionMatcher.Apply([.. All], [tag], Now);

        // Then only the ACL's finding is suppressed
        Assert.Equal(["SGA004:acl-0aaa0008"], SuppressedIds(findings));
    }

    [Fact]
    public void Should_KeepFindingsAndTheirOrder_When_Applying()
    {
        var (findings, _) = SuppressionMatcher.Apply([.. All], [Config(new ResourceSelector { Region = "eu-west-1" }, 1, "SGA004")], Now);

        Assert.Equal(All.Select(f => f.Fingerprint), findings.Select(f => f.Fingerprint));
    }

    public static TheoryData<DateTimeOffset, bool> ExpiryBoundary => new()
    {
        { new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), false },
        { new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), false },
        { new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), true },
        { new DateTimeOffset(2027, 2, 1, 0, 30, 0, TimeSpan.FromHours(1)), false }, // 2027-01-31T23:30Z: the UTC day decides, not the local one
        { new DateTimeOffset(2027, 1, 31, 20, 0, 0, TimeSpan.FromHours(-5)), true }, // 2027-02-01T01:00Z
    };

    [Theory]
    [MemberData(nameof(ExpiryBoundary))]
    public void Should_ApplyThroughTheUntilDayInUtc_When_TheClockCrossesMidnight(DateTimeOffset instant, bool expired)
    {
        // Given a suppression until 2027-01-31 and a clock at the instant
        var clock = new FixedTimeProvider(instant);
        var suppression = Config(new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa0001") }, 1, "SGA004") with { Until = new DateOnly(2027, 1, 31) };

        // When it is applied
        var (findings, results) = SuppressionMatcher.Apply([Base], [suppression], clock.GetUtcNow());

        // Then it applies through 2027-01-31 UTC and is expired from 2027-02-01 00:00 UTC, when the finding counts again
        Assert.Equal(expired, suppression.IsExpiredAt(clock.GetUtcNow()));
        Assert.Equal(expired ? SuppressionStatus.Expired : SuppressionStatus.Applied, Assert.Single(results).Status);
        Assert.Equal(expired, findings[0].Suppression is null);
    }

    [Fact]
    public void Should_ReportExpiredWithWhatItWouldHaveMatched_When_PastItsDate()
    {
        // Given an expired suppression covering two findings
        var suppression = Config(new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa000?") }, 1, "SGA004", "SGA008") with { Until = new DateOnly(2026, 11, 21) };

        // When it is applied the day after
        var (findings, results) = SuppressionMatcher.Apply([Base, OtherRule, OtherId], [suppression], Now);

        // Then nothing is suppressed, and it is listed as expired with the two findings it would have matched
        Assert.Empty(SuppressedIds(findings));
        var result = Assert.Single(results);
        Assert.Equal((SuppressionStatus.Expired, 2, 0), (result.Status, result.Findings, result.Suppressed));
    }

    [Fact]
    public void Should_ReportStale_When_ItMatchesNothing()
    {
        // Given suppressions whose rule or resource has no finding
        var wrongRule = Config(new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa0001") }, 1, "SGA005");
        var wrongResource = Config(new ResourceSelector { ResourceId = GlobPattern.Parse("sg-gone") }, 2, "SGA004");

        // When they are applied
        var (findings, results) = SuppressionMatcher.Apply([.. All], [wrongRule, wrongResource], Now);

        // Then both are stale and nothing is suppressed
        Assert.Equal([SuppressionStatus.Stale, SuppressionStatus.Stale], results.Select(r => r.Status));
        Assert.All(results, r => Assert.Equal(0, r.Findings));
        Assert.Empty(SuppressedIds(findings));
    }

    [Fact]
    public void Should_ReportAnExpiredSuppressionThatMatchesNothingAsExpired_When_BothApply()
    {
        var suppression = Config(new ResourceSelector { Region = "ap-south-1" }, 1, "SGA004") with { Until = new DateOnly(2020, 1, 1) };

        var (_, results) = SuppressionMatcher.Apply([.. All], [suppression], Now);

        Assert.Equal(SuppressionStatus.Expired, Assert.Single(results).Status);
    }

    [Fact]
    public void Should_TakeTheFirstSuppressionInForce_When_SeveralMatchOneFinding()
    {
        // Given, in precedence order: an expired config suppression, a config suppression in force, another in force,
        // and a tag on the resource, all covering the same finding
        var expired = Config(new ResourceSelector { AccountId = Account }, 2, "SGA004") with { Until = new DateOnly(2026, 1, 1) };
        var first = Config(new ResourceSelector { ResourceName = GlobPattern.Parse("w*") }, 5, "SGA004");
        var second = Config(new ResourceSelector { Region = "eu-west-1" }, 9, "SGA004");
        var tag = Tag(Base, "SGA004");

        // When they are applied, in either order of the two in force
        var (findings, results) = SuppressionMatcher.Apply([Base], [expired, first, second, tag], Now);
        var (swapped, _) = SuppressionMatcher.Apply([Base], [expired, second, first, tag], Now);

        // Then the first one in force wins, deterministically by position; every matching one counts the finding
        Assert.Same(first, findings[0].Suppression);
        Assert.Same(second, swapped[0].Suppression);
        Assert.Equal([1, 1, 1, 1], results.Select(r => r.Findings));
        Assert.Equal([0, 1, 0, 0], results.Select(r => r.Suppressed));
        Assert.Equal([SuppressionStatus.Expired, SuppressionStatus.Applied, SuppressionStatus.Applied, SuppressionStatus.Applied], results.Select(r => r.Status));
    }

    [Fact]
    public void Should_PreferConfigOverTag_When_ScanSuppressionsOrdersThem()
    {
        // Given a scan whose group carries a tag suppression, and a config suppression of the same finding
        var result = Reporting.ReportTestData.Scan(new Core.Model.Inventory(
            [new Core.Model.RegionInventory(Account, "eu-west-1")
            {
                SecurityGroups = [new Core.Model.SecurityGroup("sg-0aaa0001", "web", Account)
                {
                    Tags = [new Core.Model.ResourceTag(SuppressionTag.Key, "SGA006; tag reason")],
                }],
            }],
            []));
        var config = Config(new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0aaa0001") }, 4, "SGA006");

        // When the scan's suppressions are applied
        var applied = ScanSuppressions.Apply(result, [config], Now);

        // Then the config one suppresses the finding, the tag is listed after it and counts it as covered
        var finding = Assert.Single(applied.Findings, f => f.RuleId == "SGA006");
        Assert.Same(config, finding.Suppression);
        Assert.Equal([SuppressionSourceKind.Config, SuppressionSourceKind.Tag], applied.Suppressions.Select(s => s.Source.Kind));
        Assert.Equal([1, 1], applied.Suppressions.Select(s => s.Findings));
        Assert.Equal([1, 0], applied.Suppressions.Select(s => s.Suppressed));
    }

    [Fact]
    public void Should_ExcludeSuppressedFindingsFromTheGateButNotFromComplianceOrTotals_When_Applied()
    {
        // Given the report test scan (high and critical findings) and a suppression of every finding of account A
        var result = Reporting.ReportTestData.Create();
        var rules = result.Findings.Select(f => f.RuleId).Distinct().ToArray();
        var suppression = Config(new ResourceSelector { AccountId = Reporting.ReportTestData.AccountA }, 1, rules);

        // When it is applied
        var applied = ScanSuppressions.Apply(result, [suppression], Now);

        // Then findings and compliance are unchanged, and only account B's findings count for the gate
        Assert.Equal(result.Findings.Select(f => f.Fingerprint), applied.Findings.Select(f => f.Fingerprint));
        Assert.Equal(result.Evaluation.Controls, applied.Evaluation.Controls);
        Assert.Equal(result.Findings.Count(f => f.AccountId == Reporting.ReportTestData.AccountB && f.Severity >= result.FailOn), applied.GateFindings);
        Assert.True(applied.GateFindings < result.GateFindings);
    }
}
