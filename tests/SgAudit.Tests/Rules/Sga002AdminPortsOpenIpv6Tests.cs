namespace SgAudit.Tests.Rules;

/// <summary>SGA002: an inbound permission from ::/0 covers 22 or 3389 over tcp, udp or -1 (Fixtures/SGA002).</summary>
public sealed class Sga002AdminPortsOpenIpv6Tests
{
    private const string RuleId = "SGA002";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given the IPv6 mirror of the SGA001 fixture: ::/0 sources fail, 0.0.0.0/0-only groups pass,
        // a sloppy "2001:db8::1/0" counts as ::/0 and "::/1" + "8000::/1" do not

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }
}
