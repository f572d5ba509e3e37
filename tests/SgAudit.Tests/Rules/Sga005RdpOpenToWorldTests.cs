namespace SgAudit.Tests.Rules;

/// <summary>SGA005: an inbound tcp or -1 permission from 0.0.0.0/0 or ::/0 covers port 3389 (Fixtures/SGA005).</summary>
public sealed class Sga005RdpOpenToWorldTests
{
    private const string RuleId = "SGA005";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given one group per edge case; udp/3389 is not covered by this tcp-only rule

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }
}
