namespace SgAudit.Tests.Rules;

/// <summary>
/// SGA013: a permission referencing a group that does not exist (Fixtures/SGA013: account 123456789012 in us-east-1
/// and eu-west-1, a peer account 210987654321 scanned in us-east-1, 333333333333 scanned in eu-west-1 only, and
/// 999999999999 not scanned).
/// </summary>
public sealed class Sga013StaleGroupReferenceTests
{
    private const string RuleId = "SGA013";

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ScanningTheFixture()
    {
        // Given references, inbound and outbound, with and without UserId, to groups that exist, that are missing,
        // that exist only in another region, through a deleted peering connection, into a scanned peer account,
        // into an account scanned in another region only, and into an account not scanned at all

        // When
        var run = await RuleTestHarness.RunRuleAsync(RuleId);

        // Then unverifiable references pass; every missing or deleted one fails
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_SayWhyEachReferenceIsStale_When_ScanningTheFixture()
    {
        // Given the SGA013 fixture

        // When
        var evidence = await RuleTestHarness.EvidenceAsync(RuleId);

        // Then one finding per stale reference, never for the existing group beside it
        RuleTestHarness.AssertEvidence(
            [
                "fail-cross-account-reference-missing | 210987654321/sg-a2663fcc8bb5c2d5b | which does not exist in account 210987654321, us-east-1",
                "fail-egress-reference-missing | 123456789012/sg-d1ba142557112352e | which does not exist in account 123456789012, us-east-1",
                "fail-missing-beside-existing | 123456789012/sg-ffd21d13bf772ea6b | which does not exist in account 123456789012, us-east-1",
                "fail-peering-deleted | 999999999999/sg-385487dea4ea21ae1 | whose peering connection pcx-0d4e5f6a7b8c9102b is deleted",
                "fail-peering-deleted-group-exists | 210987654321/sg-9a07c3cd320ec6ffc | whose peering connection pcx-0e5f6a7b8c9d0213c is deleted",
                "fail-reference-to-own-group-in-other-region | 123456789012/sg-10a15d54519df2a3b | which does not exist in account 123456789012, us-east-1",
                "fail-reference-without-user-id-missing | sg-e62fb61b07fdfb6b5 | which does not exist in account 123456789012, us-east-1",
                "fail-same-account-reference-missing | 123456789012/sg-d242852d3cec2239b | which does not exist in account 123456789012, us-east-1",
            ],
            evidence);
    }
}
