using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>SGA006: a non-default group no network interface lists (Fixtures/SGA006).</summary>
public sealed class Sga006UnusedGroupTests
{
    private const string RuleId = "SGA006";

    /// <summary>Referenced by another group's inbound rule and by nothing else: used only under sg-reference-counts.</summary>
    private static readonly string[] ReferencedByOtherGroupIngress = ["fail-referenced-only-by-other-group-ingress"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given groups used by an instance ENI (also as its second group), an available ENI, a Lambda ENI, an ELB ENI
        // and a VPC endpoint ENI; unused groups, groups referenced only by another group's ingress, by itself or by
        // another group's egress; and an unused default group (na-*)

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_PassGroupsReferencedByAnotherGroupsIngress_When_VariantIsSgReferenceCounts()
    {
        // Given the SGA006 fixture and the sg-reference-counts variant; self and egress references still do not count

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new RuleSettings { Variant = "sg-reference-counts" });

        // Then
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(ReferencedByOtherGroupIngress, StringComparer.Ordinal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Concat(ReferencedByOtherGroupIngress));
    }
}
