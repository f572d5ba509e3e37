using SgAudit.Core.Baselines;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Baselines;

/// <summary>
/// Comparing two scans by fingerprint: a baseline finding that is gone is fixed only where the later scan assessed its
/// rule in its account and region; everywhere else it is not re-assessed, with the reason (fail closed).
/// </summary>
public sealed class FindingDiffTests
{
    private const string Account = "111122223333";

    [Fact]
    public void Should_SortFindingsIntoNewUnchangedAndFixed_When_EverythingWasAssessed()
    {
        ReportedFinding[] before = [Finding("a", "SGA001"), Finding("b", "SGA004"), Finding("c", "SGA008")];
        ReportedFinding[] after = [Finding("b", "SGA004"), Finding("d", "SGA005")];

        var diff = FindingDiff.Compare(before, after, Coverage());

        Assert.Equal(["d"], diff.New.Select(f => f.Fingerprint));
        Assert.Equal(["b"], diff.Unchanged.Select(f => f.Fingerprint));
        Assert.Equal(["a", "c"], diff.Fixed.Select(f => f.Fingerprint));
        Assert.Empty(diff.NotReassessed);
    }

    // What the later scan left unassessed, the reason given, and whether the scan was partial there (else it left the
    // scope out on purpose).
    public static TheoryData<string, string, bool> UnassessedScopes => new()
    {
        { "region not read", "111122223333/us-east-1 could not be read (UnauthorizedOperation)", true },
        { "account not read", "account 111122223333 could not be read (AccessDenied)", true },
        { "rule gap in the region", "SGA001 could not be assessed in 111122223333/us-east-1: the input has no security groups", true },
        { "rule gap in the account", "SGA001 could not be assessed in 111122223333/us-east-1: AccessDenied: no", true },
        { "region not scanned", "111122223333/us-east-1 was not part of this scan", false },
        { "other account scanned", "111122223333/us-east-1 was not part of this scan", false },
        { "rule disabled", "SGA001 did not run in this scan (disabled or not configured)", false },
    };

    [Theory]
    [MemberData(nameof(UnassessedScopes))]
    public void Should_NeverCallAGoneFindingFixed_When_ItsScopeOrRuleWasNotAssessed(string unassessed, string reason, bool partial)
    {
        // Given a baseline SGA001 finding in us-east-1 that the later scan does not have
        var coverage = unassessed switch
        {
            "region not read" => Coverage(regions: [], notAssessed: [new NotAssessedScope(Account, "us-east-1", "UnauthorizedOperation", "denied")]),
            "account not read" => Coverage(regions: [], notAssessed: [new NotAssessedScope(Account, null, "AccessDenied", "cannot assume")]),
            "rule gap in the region" => Coverage(gaps: [new RuleGap("SGA001", Account, "us-east-1", "the input has no security groups")]),
            "rule gap in the account" => Coverage(gaps: [new RuleGap("SGA001", Account, null, "AccessDenied: no")]),
            "region not scanned" => Coverage(regions: [(Account, "eu-west-1")]),
            "other account scanned" => Coverage(regions: [("444455556666", "us-east-1")]),
            _ => Coverage(rules: ["SGA004"]),
        };

        // When the scans are compared
        var diff = FindingDiff.Compare([Finding("a", "SGA001")], [], coverage);

        // Then it is not re-assessed, with why, and not fixed
        Assert.Empty(diff.Fixed);
        var gone = Assert.Single(diff.NotReassessed);
        Assert.Equal(("a", reason, partial), (gone.Finding.Fingerprint, gone.Reason, gone.Partial));
    }

    [Fact]
    public void Should_StillCallItFixed_When_OnlyAnotherRuleOrRegionWasNotAssessed()
    {
        var coverage = Coverage(
            regions: [(Account, "us-east-1"), (Account, "eu-west-1")],
            notAssessed: [new NotAssessedScope(Account, "eu-west-1", "UnauthorizedOperation", "denied")],
            gaps: [new RuleGap("SGA010", Account, "us-east-1", "the input has no network ACLs")]);

        var diff = FindingDiff.Compare([Finding("a", "SGA001")], [], coverage);

        Assert.Equal(["a"], diff.Fixed.Select(f => f.Fingerprint));
        Assert.Empty(diff.NotReassessed);
    }

    [Fact]
    public void Should_ListAFingerprintOnce_When_TheBaselineRepeatsIt()
    {
        var diff = FindingDiff.Compare([Finding("a", "SGA001"), Finding("a", "SGA001")], [], Coverage());

        Assert.Single(diff.Fixed);
    }

    private static ReportedFinding Finding(string fingerprint, string ruleId) =>
        new(fingerprint, ruleId, Severity.High, Account, "us-east-1", "sg-0a1b2c3d4e5f60718");

    private static ScanCoverage Coverage(
        (string, string)[]? regions = null, string[]? rules = null, NotAssessedScope[]? notAssessed = null, RuleGap[]? gaps = null) =>
        new(regions ?? [(Account, "us-east-1")], rules ?? ["SGA001", "SGA004", "SGA005", "SGA008", "SGA010"], notAssessed ?? [], gaps ?? []);
}
