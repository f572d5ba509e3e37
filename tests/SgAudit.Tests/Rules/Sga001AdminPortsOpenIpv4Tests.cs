using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>SGA001: an inbound permission from 0.0.0.0/0 covers 22 or 3389 over tcp, udp or -1 (Fixtures/SGA001).</summary>
public sealed class Sga001AdminPortsOpenIpv4Tests
{
    private const string RuleId = "SGA001";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given one group per edge case: ranges covering 22/3389 without starting at them, -1, "6"/"17",
        // udp, ::/0 only, prefix lists, self and group references, ICMP type/code, protocol 50/47, tcp 0-0, egress only

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_FailOnlyGroupsCovering3389_When_PortsParameterIs3389()
    {
        // Given the SGA001 fixture and ports [3389]
        var settings = new RuleSettings { Parameters = ImmutableDictionary<string, JsonNode?>.Empty.Add("ports", new JsonArray(3389)) };
        string[] covering3389 =
        [
            "fail-tcp-3389-world",
            "fail-tcp-3380-3390-world-covers-3389",
            "fail-tcp-1-65535-world",
            "fail-all-traffic-world",
            "fail-protocol-17-port-3389-world",
            "fail-udp-3389-world",
            "fail-self-reference-and-world-one-permission",
            "fail-private-and-world-cidrs-one-permission",
        ];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then
        RuleTestHarness.AssertVerdicts(run, covering3389, run.AllNames.Except(covering3389, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_PassUdpOnlyGroups_When_ProtocolsParameterIsTcpOnly()
    {
        // Given the SGA001 fixture and protocols [tcp]
        var settings = new RuleSettings { Parameters = ImmutableDictionary<string, JsonNode?>.Empty.Add("protocols", new JsonArray("tcp")) };
        string[] udpOnly = ["fail-udp-22-world", "fail-udp-3389-world", "fail-protocol-17-port-3389-world"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(udpOnly, StringComparer.Ordinal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Concat(udpOnly));
    }

    [Fact]
    public async Task Should_NameTheCoveredPartsOfEachRange_When_PortsListRanges()
    {
        // Given ports 20-21 and 3390-3400 instead of 22 and 3389

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId, RuleTestHarness.WithParameters(("ports", "[\"20-21\", \"3390-3400\"]")));

        // Then -1 covers every listed range, a tcp range only its overlap with them
        RuleTestHarness.AssertEvidence(
            [
                "fail-all-traffic-world | 0.0.0.0/0 | covers port 20-21, 3390-3400",
                "fail-self-reference-and-world-one-permission | 0.0.0.0/0 | covers port 20-21, 3390-3400",
                "fail-tcp-0-1024-world-covers-22 | 0.0.0.0/0 | covers port 20-21",
                "fail-tcp-1-65535-world | 0.0.0.0/0 | covers port 20-21, 3390-3400",
                "fail-tcp-20-25-world-covers-22 | 0.0.0.0/0 | covers port 20-21",
                "fail-tcp-3380-3390-world-covers-3389 | 0.0.0.0/0 | covers port 3390",
                "pass-tcp-0-21-world | 0.0.0.0/0 | covers port 20-21",
                "pass-tcp-3390-65535-world | 0.0.0.0/0 | covers port 3390-3400",
            ],
            evidence);
    }
}
