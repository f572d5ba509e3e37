namespace SgAudit.Tests.Rules;

/// <summary>SGA009: a world inbound permission with protocol -1, or tcp/udp exactly 0-65535 (Fixtures/SGA009).</summary>
public sealed class Sga009AllPortsOpenToWorldTests
{
    private const string RuleId = "SGA009";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixture()
    {
        // Given -1 and 0-65535 from either world CIDR (names and numbers), next to a self-reference or prefix list;
        // 1-65535 and 0-65534 (not "all"), non-world sources, ICMP, protocol 50 and egress only

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }
}
