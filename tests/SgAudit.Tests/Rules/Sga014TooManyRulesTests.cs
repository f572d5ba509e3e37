namespace SgAudit.Tests.Rules;

/// <summary>SGA014: more than threshold permission entries, per direction or in total (Fixtures/SGA014).</summary>
public sealed class Sga014TooManyRulesTests
{
    private const string RuleId = "SGA014";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given 50 and 51 entries inbound, outbound and both, 30 + 30, one entry with 60 CIDRs, mixed protocols

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_ReportEachDirectionOverTheThreshold_When_CountingPerDirection()
    {
        // Given the SGA014 fixture

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId);

        // Then a group over the threshold both ways has two findings
        RuleTestHarness.AssertEvidence(
            [
                "fail-51-in-51-out | - | 51 inbound permission entries, more than 50",
                "fail-51-in-51-out | - | 51 outbound permission entries, more than 50",
                "fail-51-inbound-entries | - | 51 inbound permission entries, more than 50",
                "fail-51-inbound-mixed-protocols | - | 51 inbound permission entries, more than 50",
                "fail-51-outbound-entries | - | 51 outbound permission entries, more than 50",
            ],
            evidence);
    }

    [Fact]
    public async Task Should_AddBothDirections_When_VariantIsTotal()
    {
        // Given the total variant
        string[] overInTotal = ["pass-30-in-30-out", "pass-50-inbound-with-stock-egress"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new() { Variant = "total" });

        // Then 25 + 25 still passes; 30 + 30 and 50 + the stock egress rule fail
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Concat(overInTotal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Except(overInTotal, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_StateTheSum_When_VariantIsTotal()
    {
        // Given the total variant

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId, new() { Variant = "total" });

        // Then
        Assert.Contains("pass-30-in-30-out | - | 30 inbound + 30 outbound = 60 permission entries, more than 50", evidence);
        Assert.Single(evidence, e => e.StartsWith("fail-51-in-51-out ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_FailEveryGroupWithAnEntry_When_ThresholdIsZero()
    {
        // Given threshold 0

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, RuleTestHarness.WithParameters(("threshold", "0")));

        // Then only the group without any entry passes
        RuleTestHarness.AssertVerdicts(run, run.AllNames.Except(["pass-no-rules"], StringComparer.Ordinal), ["pass-no-rules"]);
    }
}
