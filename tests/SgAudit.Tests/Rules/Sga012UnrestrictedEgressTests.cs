namespace SgAudit.Tests.Rules;

/// <summary>SGA012: an outbound -1 permission to 0.0.0.0/0 or ::/0, optionally only for groups tagged in scope (Fixtures/SGA012).</summary>
public sealed class Sga012UnrestrictedEgressTests
{
    private const string RuleId = "SGA012";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixtureWithDefaults()
    {
        // Given the stock allow-all egress, -1 to ::/0, a world CIDR beside a private one, a default group, and
        // passing egress: tcp 443 and tcp 0-65535 to the world, -1 to private CIDRs, a prefix list, a group and
        // the near-world halves, ingress-only world access and no egress at all

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_ReportEachWorldDestination_When_ScanningTheFixtureWithDefaults()
    {
        // Given the SGA012 fixture

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId);

        // Then
        RuleTestHarness.AssertEvidence(
            [
                "fail-default-group-stock-rules | 0.0.0.0/0 | unrestricted outbound access to the internet",
                "fail-egress-all-both-families-internal | 0.0.0.0/0 | unrestricted outbound access to the internet",
                "fail-egress-all-both-families-internal | ::/0 | unrestricted outbound access to the internet",
                "fail-egress-all-ipv6-cardholder | ::/0 | unrestricted outbound access to the internet",
                "fail-egress-all-private-beside-world | 0.0.0.0/0 | unrestricted outbound access to the internet",
                "fail-egress-all-tag-key-case-differs | 0.0.0.0/0 | unrestricted outbound access to the internet",
                "fail-stock-egress-in-pci-scope | 0.0.0.0/0 | unrestricted outbound access to the internet",
            ],
            evidence);
    }

    [Fact]
    public async Task Should_EvaluateOnlyTaggedGroups_When_ScopeTagsAreSet()
    {
        // Given scope = the pci-scope tag (any value, even empty) or DataClassification=cardholder
        var settings = RuleTestHarness.WithParameters(("scopeTags", "[\"pci-scope\", \"DataClassification=cardholder\"]"));

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then the tagged groups are judged; untagged ones, another DataClassification value and a key in another
        // case get no verdict at all (neither pass nor fail)
        RuleTestHarness.AssertVerdicts(
            run,
            ["fail-stock-egress-in-pci-scope", "fail-egress-all-ipv6-cardholder"],
            ["pass-egress-tcp-443-world-in-pci-scope"]);
    }

    [Fact]
    public async Task Should_IgnoreIPv6Destinations_When_AddressFamiliesIsIpv4()
    {
        // Given only 0.0.0.0/0 counts
        var settings = RuleTestHarness.WithParameters(("addressFamilies", "[\"ipv4\"]"));
        string[] ipv6Only = ["fail-egress-all-ipv6-cardholder"];

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId, settings);

        // Then
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Except(ipv6Only, StringComparer.Ordinal),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Concat(ipv6Only));
    }
}
