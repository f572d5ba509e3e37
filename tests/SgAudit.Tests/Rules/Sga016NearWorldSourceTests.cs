namespace SgAudit.Tests.Rules;

/// <summary>SGA016: an inbound public CIDR that is not /0 but shorter than /8 (IPv4) or /16 (IPv6) (Fixtures/SGA016).</summary>
public sealed class Sga016NearWorldSourceTests
{
    private const string RuleId = "SGA016";

    private static readonly string[] IPv6Failures = ["fail-ipv6-global-unicast-slash-3", "fail-ipv6-slash-1", "fail-ipv6-slash-15-global"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given the /1 halves, /2, /7 across private and public space, sloppy host bits, -1 and ICMP, IPv6 /1, /3 and
        // /15 in 2000::/3; passing: the world CIDRs themselves, /8 and longer, private, multicast/reserved, unique
        // local and link-local space, egress, prefix lists and groups

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_StateTheShareOfTheInternet_When_ScanningTheFixtureWithDefaults()
    {
        // Given the SGA016 fixture

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId);

        // Then one finding per source, with its size
        RuleTestHarness.AssertEvidence(
            [
                "fail-icmp-from-slash-1 | 0.0.0.0/1 | covers 2^31 addresses (/1), 50% of IPv4",
                "fail-ipv4-halves | 0.0.0.0/1 | covers 2^31 addresses (/1), 50% of IPv4",
                "fail-ipv4-halves | 128.0.0.0/1 | covers 2^31 addresses (/1), 50% of IPv4",
                "fail-ipv4-slash-1-all-traffic | 128.0.0.0/1 | covers 2^31 addresses (/1), 50% of IPv4",
                "fail-ipv4-slash-2-public | 64.0.0.0/2 | covers 2^30 addresses (/2), 25% of IPv4",
                "fail-ipv4-slash-7-private-and-public | 10.0.0.0/7 | covers 2^25 addresses (/7), 0.781% of IPv4",
                "fail-ipv6-global-unicast-slash-3 | 2000::/3 | covers 2^125 addresses (/3), 12.5% of IPv6",
                "fail-ipv6-slash-1 | ::/1 | covers 2^127 addresses (/1), 50% of IPv6",
                "fail-ipv6-slash-15-global | 2600::/15 | covers 2^113 addresses (/15), 0.00305% of IPv6",
                "fail-near-world-beside-private | 0.0.0.0/2 | covers 2^30 addresses (/2), 25% of IPv4",
                "fail-sloppy-host-bits-slash-1 | 0.0.0.0/1 | covers 2^31 addresses (/1), 50% of IPv4",
            ],
            evidence);
    }

    [Fact]
    public async Task Should_UseTheThresholds_When_PrefixParametersAreSet()
    {
        // Given Prowler's IPv4 width (/1 to /23) and the IPv6 check off (nothing is above /0 and below /1)
        var settings = RuleTestHarness.WithParameters(("ipv4PrefixBelow", "24"), ("ipv6PrefixBelow", "1"));
        string[] newlyFailing = ["pass-ipv4-slash-8-public", "pass-ipv4-slash-20-public"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then /24 is not below 24, and private /8 is never public
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(IPv6Failures, StringComparer.Ordinal).Concat(newlyFailing),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Except(newlyFailing, StringComparer.Ordinal).Concat(IPv6Failures));
    }
}
