using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;

namespace SgAudit.Tests.Suppressions;

public sealed class SuppressionTagTests
{
    private static readonly HashSet<string> RuleIds = new(RuleCatalogLoader.BuiltIn.Rules.Select(r => r.Id), StringComparer.Ordinal);

    private static readonly SuppressionSource Source = SuppressionSource.Tag("111122223333", "eu-west-1", ResourceKind.SecurityGroup, "sg-0aaa0001");

    public static TheoryData<string, string[], string, string?> ValidValues => new()
    {
        { "SGA004,SGA008; partner SFTP drop; until 2027-01-31", ["SGA004", "SGA008"], "partner SFTP drop", "2027-01-31" },
        { "SGA004; accepted by security", ["SGA004"], "accepted by security", null },
        { " SGA004 , SGA008 ,SGA004 ;  spaced out  ;  UNTIL   2027-01-31 ", ["SGA004", "SGA008"], "spaced out", "2027-01-31" },
        { "SGA004; first part; second part; until 2027-01-31", ["SGA004"], "first part; second part", "2027-01-31" },
        { "SGA010; <script>alert(1)</script> **bold** [x](javascript:alert(1)) | # \u202Etxt\u0001", ["SGA010"], "<script>alert(1)</script> **bold** [x](javascript:alert(1)) | # \u202Etxt\u0001", null },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Should_ReadRulesReasonAndUntil_When_TheValueIsWellFormed(string value, string[] rules, string reason, string? until)
    {
        // When a well-formed value is parsed
        var ok = SuppressionTag.TryParse(value, Source, RuleIds, out var suppression, out var problem);

        // Then it is a suppression of exactly the tagged resource, with the reason as written (hostile text kept verbatim)
        Assert.True(ok, problem);
        Assert.Equal(rules, suppression!.RuleIds);
        Assert.Equal(reason, suppression.Reason);
        Assert.Equal(until, suppression.Until is { } day ? Suppression.FormatDate(day) : null);
        Assert.Same(Source, suppression.Source);
        Assert.Equal(("111122223333", "eu-west-1", ResourceKind.SecurityGroup, "sg-0aaa0001", true),
            (suppression.Selector.AccountId, suppression.Selector.Region, suppression.Selector.Kind, suppression.Selector.ResourceId!.Text, suppression.Selector.ResourceId.IsLiteral));
    }

    public static TheoryData<string, string> InvalidValues => new()
    {
        { "", "expected 'RULE[,RULE...]; reason[; until YYYY-MM-DD]'" },
        { "SGA004", "expected 'RULE" },
        { "SGA004;", "no reason given" },
        { "SGA004;   ", "no reason given" },
        { "SGA004; until 2027-01-31", "no reason given" },
        { "; reason", "no rule ids" },
        { " , ; reason", "no rule ids" },
        { "*; everything", "'*' is not allowed" },
        { "SGA00*; some", "'*' is not allowed" },
        { "SGA999; reason", "unknown rule id 'SGA999'" },
        { "sga004; reason", "unknown rule id 'sga004'" },
        { "SGA004; reason; until 2027-02-30", "is not 'until YYYY-MM-DD' with a real date" },
        { "SGA004; reason; until 31/01/2027", "is not 'until YYYY-MM-DD'" },
        { "SGA004; reason; until 2027-1-31", "is not 'until YYYY-MM-DD'" },
        { "SGA004; reason; until", "is not 'until YYYY-MM-DD'" },
        { "SGA004; until further notice", "is not 'until YYYY-MM-DD'" },
        { "<script>alert(1)</script>; reason", "unknown rule id '<script>alert(1)</script>'" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Should_RejectWithTheProblem_When_TheValueIsMalformed(string value, string problemFragment)
    {
        // When a malformed value is parsed
        var ok = SuppressionTag.TryParse(value, Source, RuleIds, out var suppression, out var problem);

        // Then it is not a suppression (fail closed) and the problem says why
        Assert.False(ok);
        Assert.Null(suppression);
        Assert.Contains(problemFragment, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShortenAccountTextInTheProblem_When_AnUnknownIdIsHuge()
    {
        var ok = SuppressionTag.TryParse(new string('X', 5000) + "; reason", Source, RuleIds, out _, out var problem);

        Assert.False(ok);
        Assert.True(problem!.Length < 120, problem);
    }

    [Fact]
    public void Should_CollectValidAndInvalidTagsOfGroupsAndAcls_When_TheInventoryCarriesThem()
    {
        // Given groups and a network ACL with suppression tags (one valid each, one malformed, one with a miscased key,
        // one unrelated tag) in two regions listed out of order
        var inventory = new Inventory(
            [
                new RegionInventory("111122223333", "us-east-1")
                {
                    SecurityGroups =
                    [
                        new SecurityGroup("sg-0bbb", "b", "111122223333") { Tags = [new ResourceTag("SGAudit:Suppress", "SGA004; wrong key case")] },
                        new SecurityGroup("sg-0aaa", "a", "111122223333") { Tags = [new ResourceTag("Name", "a"), new ResourceTag(SuppressionTag.Key, "SGA004; ok")] },
                    ],
                    NetworkAcls = [new NetworkAcl("acl-0ccc") { Tags = [new ResourceTag(SuppressionTag.Key, "SGA010; default NACL, tightened next sprint; until 2027-03-01")] }],
                },
                new RegionInventory("111122223333", "eu-west-1")
                {
                    SecurityGroups = [new SecurityGroup("sg-0ddd", "d", "111122223333") { Tags = [new ResourceTag(SuppressionTag.Key, "SGA004")] }],
                },
            ],
            []);

        // When the tags are collected
        var tags = TagSuppressions.Collect(inventory, RuleIds);

        // Then the valid ones cover their own resource (the ACL as an ACL), ordered by account, region and resource
        Assert.Equal(["acl-0ccc", "sg-0aaa"], tags.Valid.Select(s => s.Source.ResourceId));
        Assert.Equal(ResourceKind.NetworkAcl, tags.Valid[0].Selector.Kind);
        Assert.Equal(new DateOnly(2027, 3, 1), tags.Valid[0].Until);

        // And the malformed and miscased ones are invalid with their value and problem, never applied
        Assert.Equal(["sg-0ddd", "sg-0bbb"], tags.Invalid.Select(i => i.Source.ResourceId));
        Assert.Equal("SGA004", tags.Invalid[0].Value);
        Assert.Contains("must be exactly 'sgaudit:suppress'", tags.Invalid[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NotApplyAnInvalidTagButListIt_When_TheScanIsSuppressed()
    {
        // Given a scan whose unused group carries a suppression tag without a reason
        var result = Reporting.ReportTestData.Scan(new Inventory(
            [new RegionInventory("111122223333", "eu-west-1")
            {
                SecurityGroups = [new SecurityGroup("sg-0aaa0001", "web", "111122223333") { Tags = [new ResourceTag(SuppressionTag.Key, "SGA006; ")] }],
            }],
            []));

        // When suppressions are applied
        var applied = ScanSuppressions.Apply(result, [], new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

        // Then the finding still counts, and the tag is listed as invalid with why and its value
        Assert.All(applied.Findings, f => Assert.Null(f.Suppression));
        var invalid = Assert.Single(applied.Suppressions);
        Assert.Equal((SuppressionStatus.Invalid, "SGA006; ", "no reason given: a suppression needs one"), (invalid.Status, invalid.Value, invalid.Problem));
        Assert.Null(invalid.Suppression);
    }
}
