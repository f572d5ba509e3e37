namespace SgAudit.Tests.Rules;

/// <summary>SGA011: a world inbound tcp/udp permission reaching a port outside the authorized lists, or -1 (Fixtures/SGA011).</summary>
public sealed class Sga011UnauthorizedPortsOpenToWorldTests
{
    private const string RuleId = "SGA011";

    /// <summary>All traffic from the world: fails whatever the lists authorize.</summary>
    private static readonly string[] AllTraffic = ["fail-all-traffic-world", "fail-all-traffic-ipv6-world"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given tcp 80/443 from the world (passes), other tcp and udp ports, ranges around 443, "6"/"17", -1,
        // ICMP, ICMPv6, ESP and GRE from the world, private, prefix-list, group and near-world sources, egress only

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_NameTheUnauthorizedPortsAsRanges_When_ScanningTheFixtureWithDefaults()
    {
        // Given the SGA011 fixture

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId);

        // Then every world source of a failing permission is one finding, naming exactly what is not authorized
        RuleTestHarness.AssertEvidence(
            [
                "fail-all-traffic-ipv6-world | ::/0 | opens every protocol and port",
                "fail-all-traffic-world | 0.0.0.0/0 | opens every protocol and port",
                "fail-protocol-17-500-world | 0.0.0.0/0 | covers unauthorized port 500",
                "fail-second-permission-unauthorized | 0.0.0.0/0 | covers unauthorized port 3306",
                "fail-self-reference-beside-world | 0.0.0.0/0 | covers unauthorized port 22",
                "fail-tcp-0-65535-world | 0.0.0.0/0 | covers unauthorized ports 0-79, 81-442, 444-65535",
                "fail-tcp-22-world | 0.0.0.0/0 | covers unauthorized port 22",
                "fail-tcp-444-world | 0.0.0.0/0 | covers unauthorized port 444",
                "fail-tcp-80-443-range-world | 0.0.0.0/0 | covers unauthorized ports 81-442",
                "fail-tcp-8080-ipv6-world | ::/0 | covers unauthorized port 8080",
                "fail-udp-443-world | 0.0.0.0/0 | covers unauthorized port 443",
                "fail-udp-53-world | 0.0.0.0/0 | covers unauthorized port 53",
            ],
            evidence);
    }

    [Fact]
    public async Task Should_PassTheNewlyAuthorizedPorts_When_ListsHoldPortsAndRanges()
    {
        // Given tcp 22, 80, 443 and 8000-8999, udp 53 authorized
        var settings = RuleTestHarness.WithParameters(("authorizedTcpPorts", "[22, 80, 443, \"8000-8999\"]"), ("authorizedUdpPorts", "[53]"));
        string[] nowAuthorized = ["fail-tcp-22-world", "fail-self-reference-beside-world", "fail-tcp-8080-ipv6-world", "fail-udp-53-world"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then udp 443 stays unauthorized (443 is authorized for tcp only), and so does everything else
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(nowAuthorized, StringComparer.Ordinal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Concat(nowAuthorized));
    }

    [Fact]
    public async Task Should_FailOnlyAllTraffic_When_EveryTcpAndUdpPortIsAuthorized()
    {
        // Given every tcp and udp port authorized as one range each
        var settings = RuleTestHarness.WithParameters(("authorizedTcpPorts", "[\"0-65535\"]"), ("authorizedUdpPorts", "[\"0-65535\"]"));

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then -1 still fails: it also opens every other protocol
        RuleTestHarness.AssertVerdicts(run, AllTraffic, run.AllNames.Except(AllTraffic, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_IgnoreIPv6WorldSources_When_AddressFamiliesIsIpv4()
    {
        // Given only 0.0.0.0/0 counts
        var settings = RuleTestHarness.WithParameters(("addressFamilies", "[\"ipv4\"]"));
        string[] ipv6Only = ["fail-all-traffic-ipv6-world", "fail-tcp-8080-ipv6-world"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(ipv6Only, StringComparer.Ordinal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Concat(ipv6Only));
    }
}
