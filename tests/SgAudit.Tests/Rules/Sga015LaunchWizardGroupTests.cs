namespace SgAudit.Tests.Rules;

/// <summary>SGA015: the group name matches a glob, launch-wizard-* by default (Fixtures/SGA015; names are GroupNames, fixture names Name tags).</summary>
public sealed class Sga015LaunchWizardGroupTests
{
    private const string RuleId = "SGA015";

    /// <summary>Names with launch-wizard inside but not as the prefix: fail only under the contains variant.</summary>
    private static readonly string[] ContainsOnly = ["pass-launch-wizard-inside-name", "pass-launch-wizard-without-dash"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given launch-wizard-1, -12 and a bare "launch-wizard-", an upper-case name, the words inside another name,
        // without the dash, a default group and a Name-less match in another tag

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_FailNamesContainingLaunchWizard_When_VariantIsContains()
    {
        // Given Prowler's reading, *launch-wizard*

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new() { Variant = "contains" });

        // Then case still matters (Launch-Wizard-1 passes), and so does the dash in launchwizard-1
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Concat(ContainsOnly),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Except(ContainsOnly, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_MatchStarAndQuestionMark_When_PatternsAreCustom()
    {
        // Given web-s? (one character) and launch-wizard-1* (any run, also none)
        var settings = RuleTestHarness.WithParameters(("patterns", "[\"web-s?\", \"launch-wizard-1*\"]"));
        string[] matching = ["pass-web-sg", "fail-launch-wizard-1", "fail-launch-wizard-12"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then
        RuleTestHarness.AssertVerdicts(run, matching, run.AllNames.Except(matching, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_PassEveryGroup_When_PatternsAreEmpty()
    {
        // Given no pattern

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, RuleTestHarness.WithParameters(("patterns", "[]")));

        // Then
        RuleTestHarness.AssertVerdicts(run, [], run.AllNames);
    }

    [Fact]
    public async Task Should_NameTheFirstMatchingPattern_When_AGroupFails()
    {
        // Given two patterns that both match launch-wizard-12

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId, RuleTestHarness.WithParameters(("patterns", "[\"*-12\", \"launch-wizard-*\"]")));

        // Then
        RuleTestHarness.AssertEvidence(
            [
                "fail-launch-wizard-1 | - | its name matches launch-wizard-*",
                "fail-launch-wizard-12 | - | its name matches *-12",
                "fail-launch-wizard-dash-only | - | its name matches launch-wizard-*",
            ],
            evidence);
    }
}
