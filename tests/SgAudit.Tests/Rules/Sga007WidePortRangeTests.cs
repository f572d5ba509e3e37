using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>SGA007: an inbound tcp/udp permission, from any source, with ToPort − FromPort above the threshold (Fixtures/SGA007).</summary>
public sealed class Sga007WidePortRangeTests
{
    private const string RuleId = "SGA007";

    /// <summary>Ranges of more than one port that stay within the default threshold of 30.</summary>
    private static readonly string[] NarrowRanges = ["pass-tcp-span-30-exactly", "pass-tcp-80-90-span-10", "pass-tcp-span-1"];

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given span 30 (passes) and 31 (fails), udp and "6"/"17", any source kind, -1, ICMP type/code, protocol 50,
        // wide egress only

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_FailEveryMultiPortRange_When_VariantIsAnyRange()
    {
        // Given the SGA007 fixture and the any-range variant (threshold 0)

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, new RuleSettings { Variant = "any-range" });

        // Then single ports, tcp 0-0, -1, ICMP, protocol 50 and egress still pass
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Concat(NarrowRanges),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Except(NarrowRanges, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_FailOnlySpansAbove100_When_ThresholdParameterIs100()
    {
        // Given the SGA007 fixture and threshold 100
        var settings = new RuleSettings { Parameters = ImmutableDictionary<string, JsonNode?>.Empty.Add("threshold", JsonValue.Create(100)) };
        string[] above100 =
        [
            "fail-protocol-6-0-1024",
            "fail-tcp-1-65535-private",
            "fail-tcp-0-65535-group-reference",
            "fail-tcp-span-101-prefix-list",
            "fail-tcp-span-1000-self-reference",
            "fail-second-permission-is-wide",
        ];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then span 100 exactly ("17" 6000-6100) and span 31 pass
        RuleTestHarness.AssertVerdicts(run, above100, run.AllNames.Except(above100, StringComparer.Ordinal));
    }
}
