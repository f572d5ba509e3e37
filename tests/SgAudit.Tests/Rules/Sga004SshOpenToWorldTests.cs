using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>SGA004: an inbound tcp or -1 permission from 0.0.0.0/0 or ::/0 covers port 22 (Fixtures/SGA004).</summary>
public sealed class Sga004SshOpenToWorldTests
{
    private const string RuleId = "SGA004";

    /// <summary>Groups open to ::/0 only: they fail EC2.13 and pass the IPv4-only PCI.EC2.5 reading.</summary>
    private static readonly string[] Ipv6Only = ["fail-tcp-22-ipv6-world", "fail-all-traffic-ipv6-world"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given one group per edge case; udp/22 and protocol "17" port 22 are not SSH

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_PassIpv6OnlyGroups_When_VariantIsIpv4Only()
    {
        // Given the SGA004 fixture and the ipv4-only variant

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new RuleSettings { Variant = "ipv4-only" });

        // Then
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(Ipv6Only, StringComparer.Ordinal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Concat(Ipv6Only));
    }

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_VariantIsEc213()
    {
        // Given the SGA004 fixture and the default variant named explicitly

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new RuleSettings { Variant = "ec2.13" });

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }
}
