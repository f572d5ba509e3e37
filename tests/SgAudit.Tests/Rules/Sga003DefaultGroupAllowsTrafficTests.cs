namespace SgAudit.Tests.Rules;

/// <summary>SGA003: a group named "default" with any inbound or outbound permission (Fixtures/SGA003).</summary>
public sealed class Sga003DefaultGroupAllowsTrafficTests
{
    private const string RuleId = "SGA003";

    [Fact]
    public async Task Should_FailExactlyTheFailDefaultGroups_When_ScanningTheFixture()
    {
        // Given default groups in several VPCs (named by their Name tag): as created, egress only, self-reference
        // only, private ingress, prefix-list egress, IPv6 egress, and two without rules; plus custom groups (na-*)

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then the custom groups are in neither set
        RuleTestHarness.AssertVerdictsFollowNames(run);
        Assert.NotEmpty(run.NamesStartingWith(RuleTestHarness.NotApplicablePrefix));
    }
}
