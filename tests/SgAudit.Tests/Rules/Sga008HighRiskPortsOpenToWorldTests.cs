using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>SGA008: a world inbound permission covers one of the EC2.19 high-risk ports over tcp or -1 (Fixtures/SGA008).</summary>
public sealed class Sga008HighRiskPortsOpenToWorldTests
{
    private const string RuleId = "SGA008";

    /// <summary>udp on a listed port: passes EC2.19's tcp reading, fails CT.EC2.PR.4's tcp-udp reading.</summary>
    private static readonly string[] UdpOnListedPort = ["pass-udp-3306-world", "pass-protocol-17-port-445-world"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given listed ports inside wider ranges, ::/0, -1, "6", mixed sources; unlisted ports between listed ones,
        // udp, ICMP, protocol 50, prefix lists, private CIDRs, group references and egress only

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_FailUdpOnListedPorts_When_VariantIsTcpUdp()
    {
        // Given the SGA008 fixture and the tcp-udp variant

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new RuleSettings { Variant = "tcp-udp" });

        // Then udp on an unlisted port (137) still passes
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Concat(UdpOnListedPort),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Except(UdpOnListedPort, StringComparer.Ordinal));
    }
}
