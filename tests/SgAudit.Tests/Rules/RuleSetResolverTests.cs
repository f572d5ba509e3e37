using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>Settings resolution over the built-in catalogue: defaults, variants, explicit parameters and errors.</summary>
public sealed class RuleSetResolverTests
{
    private static RuleCatalog Catalog => RuleCatalogLoader.BuiltIn;

    [Fact]
    public void Should_ResolveEveryRuleWithItsDefaults_When_ThereAreNoSettings()
    {
        // Given no settings

        // When
        var rules = RuleSetResolver.Resolve(Catalog, ImmutableDictionary<string, RuleSettings>.Empty);

        // Then
        Assert.Equal(Catalog.Rules.Select(r => r.Id), rules.Select(r => r.Id));
        foreach (var rule in rules)
        {
            Assert.Equal(rule.Definition.DefaultVariant, rule.Variant);
            Assert.All(rule.Definition.Parameters, p => Assert.True(ParameterValues.AreEqual(p.Default, rule.Parameters.Values[p.Name]), $"{rule.Id}.{p.Name}"));
        }
    }

    [Fact]
    public void Should_ApplyTheVariantsParameters_When_AVariantIsChosen()
    {
        // Given
        var settings = Settings("SGA004", new RuleSettings { Variant = "ipv4-only" });

        // When
        var rule = Resolve(settings, "SGA004");

        // Then
        Assert.Equal("ipv4-only", rule.Variant);
        Assert.Equal(["ipv4"], rule.Parameters.GetChoices("addressFamilies").ToArray());
        Assert.Equal(PortSet.Of(22), rule.Parameters.GetPorts("ports"));
    }

    [Fact]
    public void Should_LetExplicitParametersOverrideTheVariant_When_BothAreSet()
    {
        // Given any-range (threshold 0) and threshold 5
        var settings = Settings("SGA007", new RuleSettings { Variant = "any-range", Parameters = Parameters("threshold", "5") });

        // When
        var rule = Resolve(settings, "SGA007");

        // Then the parameter wins, and 5 is no variant's reading
        Assert.Equal(5, rule.Parameters.GetInteger("threshold"));
        Assert.Null(rule.Variant);
    }

    [Theory]
    [InlineData("SGA007", "threshold", "0", "any-range")]
    [InlineData("SGA007", "threshold", "30", "span-gt-30")]
    [InlineData("SGA008", "protocols", "[\"udp\", \"tcp\"]", "tcp-udp")]
    [InlineData("SGA006", "referencedCountsAsUse", "true", "sg-reference-counts")]
    [InlineData("SGA004", "addressFamilies", "[\"ipv4\"]", "ipv4-only")]
    [InlineData("SGA010", "evaluation", "\"any-allow-entry\"", "any-allow-entry")]
    public void Should_ReportTheVariantName_When_ParametersEqualAVariant(string ruleId, string parameter, string json, string variant)
    {
        // Given parameters set one by one
        var settings = Settings(ruleId, new RuleSettings { Parameters = Parameters(parameter, json) });

        // When
        var rule = Resolve(settings, ruleId);

        // Then
        Assert.Equal(variant, rule.Variant);
    }

    [Fact]
    public void Should_ReportTheMatchingVariant_When_ParametersUndoTheChosenVariant()
    {
        // Given ipv4-only, then addressFamilies set back to both families
        var settings = Settings("SGA004", new RuleSettings { Variant = "ipv4-only", Parameters = Parameters("addressFamilies", "[\"ipv6\", \"ipv4\"]") });

        // When
        var rule = Resolve(settings, "SGA004");

        // Then
        Assert.Equal("ec2.13", rule.Variant);
    }

    [Theory]
    [InlineData("SGA007", "threshold", "45")]
    [InlineData("SGA008", "ports", "[22, 3389]")]
    [InlineData("SGA004", "ports", "[2222]")]
    [InlineData("SGA010", "protocols", "[\"tcp\"]")]
    public void Should_ReportNoVariant_When_ParametersMatchNone(string ruleId, string parameter, string json)
    {
        // Given a parameter no variant sets, changed from its default: the values are no variant's reading
        // (a variant is its parameters over the rule's defaults, e.g. "tcp" is EC2.19's 24 ports over tcp)
        var settings = Settings(ruleId, new RuleSettings { Parameters = Parameters(parameter, json) });

        // When
        var rule = Resolve(settings, ruleId);

        // Then
        Assert.Null(rule.Variant);
    }

    [Fact]
    public void Should_ReportNoVariant_When_TheRuleHasNone()
    {
        // Given SGA001, which has parameters but no variants, with a parameter set
        var settings = Settings("SGA001", new RuleSettings { Parameters = Parameters("ports", "[22]") });

        // When
        var rule = Resolve(settings, "SGA001");

        // Then
        Assert.Null(rule.Variant);
        Assert.Equal(PortSet.Of(22), rule.Parameters.GetPorts("ports"));
    }

    [Fact]
    public void Should_RemoveTheRule_When_EnabledIsFalse()
    {
        // Given
        var settings = Settings("SGA006", new RuleSettings { Enabled = false });

        // When
        var rules = RuleSetResolver.Resolve(Catalog, settings);

        // Then
        Assert.DoesNotContain(rules, r => r.Id == "SGA006");
        Assert.Equal(Catalog.Rules.Length - 1, rules.Length);
    }

    [Fact]
    public void Should_KeepTheRule_When_EnabledIsTrue()
    {
        // Given
        var settings = Settings("SGA006", new RuleSettings { Enabled = true });

        // When
        var rules = RuleSetResolver.Resolve(Catalog, settings);

        // Then
        Assert.Contains(rules, r => r.Id == "SGA006");
        Assert.Equal(Catalog.Rules.Length, rules.Length);
    }

    [Fact]
    public void Should_Throw_When_TheRuleIsUnknown()
    {
        // Given
        var settings = Settings("SGA999", new RuleSettings { Enabled = false });

        // When
        var exception = Assert.Throws<RuleSettingsException>(() => RuleSetResolver.Resolve(Catalog, settings));

        // Then
        Assert.Equal("SGA999", exception.RuleId);
        Assert.Equal("", exception.Setting);
    }

    [Theory]
    [InlineData("SGA004", "ipv6-only")]
    [InlineData("SGA007", "Any-Range")]
    [InlineData("SGA001", "ipv4-only")]
    public void Should_ThrowOnTheVariantSetting_When_TheVariantIsUnknown(string ruleId, string variant)
    {
        // Given
        var settings = Settings(ruleId, new RuleSettings { Variant = variant });

        // When
        var exception = Assert.Throws<RuleSettingsException>(() => RuleSetResolver.Resolve(Catalog, settings));

        // Then
        Assert.Equal(ruleId, exception.RuleId);
        Assert.Equal("variant", exception.Setting);
    }

    [Theory]
    [InlineData("SGA007", "limit", "5")]
    [InlineData("SGA004", "port", "[22]")]
    [InlineData("SGA003", "threshold", "1")]
    public void Should_ThrowOnTheParameterSetting_When_TheParameterIsUnknown(string ruleId, string parameter, string json)
    {
        // Given
        var settings = Settings(ruleId, new RuleSettings { Parameters = Parameters(parameter, json) });

        // When
        var exception = Assert.Throws<RuleSettingsException>(() => RuleSetResolver.Resolve(Catalog, settings));

        // Then
        Assert.Equal(ruleId, exception.RuleId);
        Assert.Equal($"parameters.{parameter}", exception.Setting);
    }

    [Theory]
    [InlineData("SGA007", "threshold", "\"abc\"")]
    [InlineData("SGA007", "threshold", "-1")]
    [InlineData("SGA007", "threshold", "2.5")]
    [InlineData("SGA001", "ports", "[70000]")]
    [InlineData("SGA001", "ports", "[-1]")]
    [InlineData("SGA001", "ports", "[22, 22]")]
    [InlineData("SGA001", "ports", "22")]
    [InlineData("SGA008", "protocols", "[\"sctp\"]")]
    [InlineData("SGA008", "protocols", "[]")]
    [InlineData("SGA009", "addressFamilies", "[\"ipv5\"]")]
    [InlineData("SGA006", "referencedCountsAsUse", "\"yes\"")]
    [InlineData("SGA010", "evaluation", "\"first-match\"")]
    public void Should_ThrowOnTheParameterSetting_When_TheValueHasTheWrongTypeOrRange(string ruleId, string parameter, string json)
    {
        // Given
        var settings = Settings(ruleId, new RuleSettings { Parameters = Parameters(parameter, json) });

        // When
        var exception = Assert.Throws<RuleSettingsException>(() => RuleSetResolver.Resolve(Catalog, settings));

        // Then
        Assert.Equal(ruleId, exception.RuleId);
        Assert.Equal($"parameters.{parameter}", exception.Setting);
        Assert.False(string.IsNullOrWhiteSpace(exception.Problem));
    }

    private static ImmutableDictionary<string, RuleSettings> Settings(string ruleId, RuleSettings settings) =>
        ImmutableDictionary<string, RuleSettings>.Empty.Add(ruleId, settings);

    private static ImmutableDictionary<string, JsonNode?> Parameters(string name, string json) =>
        ImmutableDictionary<string, JsonNode?>.Empty.Add(name, JsonNode.Parse(json));

    private static ResolvedRule Resolve(ImmutableDictionary<string, RuleSettings> settings, string ruleId) =>
        Assert.Single(RuleSetResolver.Resolve(Catalog, settings), r => r.Id == ruleId);
}
