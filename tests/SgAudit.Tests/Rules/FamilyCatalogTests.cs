using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>rules/families/*.json describe exactly the registered evaluators, which custom rules instantiate.</summary>
public sealed class FamilyCatalogTests
{
    public static TheoryData<string> Families() => [.. BuiltInEvaluators.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Families))]
    public void Should_DescribeTheEvaluatorsParametersAndResource_When_AFamilyIsRegistered(string name)
    {
        // Given
        var evaluator = BuiltInEvaluators.All[name];

        // When
        var family = RuleCatalogLoader.BuiltIn.FindFamily(name);

        // Then
        Assert.NotNull(family);
        Assert.Equal(evaluator.ParameterNames.Order(StringComparer.Ordinal), family.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(evaluator.ResourceKind, family.ResourceKind);
        Assert.False(string.IsNullOrWhiteSpace(family.Description));
    }

    [Fact]
    public void Should_HaveAnEvaluatorForEveryFamilyFile_When_LoadingTheCatalogue()
    {
        // Given
        var families = RuleCatalogLoader.BuiltIn.Families.Select(f => f.Name);

        // When
        var orphans = families.Where(f => !BuiltInEvaluators.All.ContainsKey(f)).ToList();

        // Then
        Assert.True(orphans.Count == 0, $"family files without an evaluator: {string.Join(", ", orphans)}");
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Should_UseOnlyKnownPlaceholders_When_AFamilyGivesTheDefaultMessage(string name)
    {
        // Given
        var family = RuleCatalogLoader.BuiltIn.FindFamily(name)!;

        // When
        var placeholders = System.Text.RegularExpressions.Regex.Matches(family.Message, @"\{([^{}]*)\}").Select(m => m.Groups[1].Value).ToList();

        // Then
        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, p => Assert.Contains(p, MessageFormatter.Placeholders));
    }

    [Fact]
    public void Should_DocumentEveryFamilyAndParameter_When_ReadingTheCustomRulesGuide()
    {
        // Given
        var guide = File.ReadAllText(Path.Combine(RuleTestHarness.RepositoryRoot, "docs", "custom-rules.md"));

        // When
        var missing = RuleCatalogLoader.BuiltIn.Families
            .SelectMany(f => f.Parameters.Select(p => $"`{p.Name}`").Prepend($"`{f.Name}`"))
            .Where(text => !guide.Contains(text, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // Then
        Assert.True(missing.Count == 0, $"docs/custom-rules.md does not mention {string.Join(", ", missing)}");
    }
}
