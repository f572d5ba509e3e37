using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SgAudit.Core.Compliance;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Rules;

/// <summary>
/// The catalogue gates (DevSkim's DefaultRulesTests, prowler's CI checks) as plain tests: rules/ on disk loads
/// strictly, matches the embedded catalogue and the evaluator registry, and its compliance mappings follow the spec.
/// </summary>
public sealed partial class CatalogTests
{
    private const string CisPrefix = "cis-aws-foundations-";
    private const string SecurityHubFramework = "aws-fsbp-v1.0.0";
    private const string PciFramework = "pci-dss-v3.2.1";

    /// <summary>CIS AWS Foundations numbering per version (docs/rules-spec.md, "Compliance mappings").</summary>
    private static readonly ImmutableDictionary<string, string[]> CisNumbering = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cis-aws-foundations-v1.4.0"] = ["5.1 SGA010", "5.2 SGA001", "5.3 SGA003"],
        ["cis-aws-foundations-v1.5.0"] = ["5.1 SGA010", "5.2 SGA001", "5.3 SGA002", "5.4 SGA003"],
        ["cis-aws-foundations-v2.0.0"] = ["5.1 SGA010", "5.2 SGA001", "5.3 SGA002", "5.4 SGA003"],
        ["cis-aws-foundations-v3.0.0"] = ["5.1 SGA010", "5.2 SGA001", "5.3 SGA002", "5.4 SGA003"],
        ["cis-aws-foundations-v4.0.0"] = ["5.2 SGA010", "5.3 SGA001", "5.4 SGA002", "5.5 SGA003"],
        ["cis-aws-foundations-v5.0.0"] = ["5.2 SGA010", "5.3 SGA001", "5.4 SGA002", "5.5 SGA003"],
        ["cis-aws-foundations-v6.0.0"] = ["6.2 SGA010", "6.3 SGA001", "6.4 SGA002", "6.5 SGA003"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Security Hub and PCI DSS (Security Hub) mappings per the spec table.</summary>
    private static readonly ImmutableDictionary<string, string[]> ControlMappings = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [SecurityHubFramework] =
        [
            "EC2.2 SGA003", "EC2.13 SGA004", "EC2.14 SGA005", "EC2.18 SGA011", "EC2.19 SGA008", "EC2.21 SGA010", "EC2.22 SGA006",
            "EC2.53 SGA001", "EC2.54 SGA002",
        ],
        [PciFramework] = ["PCI.EC2.2 SGA003", "PCI.EC2.5 SGA004"],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static string RulesDirectory => Path.Combine(RuleTestHarness.RepositoryRoot, "rules");

    private static RuleCatalog DiskCatalog => RuleCatalogLoader.LoadDirectory(RulesDirectory);

    public static TheoryData<string> RuleIds() => [.. RuleCatalogLoader.BuiltIn.Rules.Select(r => r.Id)];

    public static TheoryData<string> FrameworkIds() => [.. RuleCatalogLoader.BuiltIn.Frameworks.Select(f => f.Id)];

    [Fact]
    public void Should_LoadTheSameRulesAsTheEmbeddedCatalogue_When_LoadingRulesDirectoryStrictly()
    {
        // Given the repository's rules/ folder and the catalogue compiled into SgAudit

        // When
        var disk = DiskCatalog;
        var embedded = RuleCatalogLoader.BuiltIn;

        // Then
        Assert.Equal(embedded.Rules.Select(r => r.Id), disk.Rules.Select(r => r.Id));
        Assert.Equal(embedded.Frameworks.Select(f => f.Id), disk.Frameworks.Select(f => f.Id));
        foreach (var rule in disk.Rules)
        {
            var built = embedded.Find(rule.Id)!;
            Assert.Equal(built.Slug, rule.Slug);
            Assert.Equal(built.Title, rule.Title);
            Assert.Equal(built.Severity, rule.Severity);
            Assert.Equal(built.Implementation, rule.Implementation);
            Assert.Equal(built.Message, rule.Message);
            Assert.Equal(built.Guidance, rule.Guidance);
            Assert.Equal(built.DefaultVariant, rule.DefaultVariant);
            Assert.Equal(built.Parameters.Select(p => p.Name), rule.Parameters.Select(p => p.Name));
            Assert.Equal(built.Variants.Select(v => v.Name), rule.Variants.Select(v => v.Name));
        }
    }

    [Fact]
    public void Should_HaveUniqueSgaIdsMatchingTheirFolders_When_ReadingEveryRuleJson()
    {
        // Given every rule folder under rules/
        var folders = Directory.EnumerateDirectories(RulesDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not "compliance" and not "families")
            .Order(StringComparer.Ordinal)
            .ToList();

        // When
        var ids = folders.Select(folder => (Folder: folder, Id: ReadRuleId(folder))).ToList();

        // Then
        Assert.NotEmpty(ids);
        Assert.All(ids, x => Assert.Matches(IdPattern(), x.Id));
        Assert.All(ids, x => Assert.Equal(x.Folder, x.Id));
        Assert.Equal(ids.Count, ids.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Select(x => x.Id), RuleCatalogLoader.BuiltIn.Rules.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_HaveAGuidancePageWithoutTodo_When_RuleIsInTheCatalogue(string ruleId)
    {
        // Given
        var path = Path.Combine(RulesDirectory, ruleId, "guidance.md");

        // When
        var text = File.Exists(path) ? File.ReadAllText(path) : null;

        // Then
        Assert.True(text is not null, $"{path} is missing");
        Assert.False(string.IsNullOrWhiteSpace(text), $"{path} is empty");
        Assert.DoesNotContain("TODO", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_DeclareExactlyItsEvaluatorsParameters_When_ImplementationIsRegistered(string ruleId)
    {
        // Given
        var rule = RuleCatalogLoader.BuiltIn.Find(ruleId)!;

        // When
        var registered = BuiltInEvaluators.All.TryGetValue(rule.Implementation, out var evaluator);

        // Then
        Assert.True(registered, $"{ruleId}: implementation '{rule.Implementation}' is not in BuiltInEvaluators.All");
        Assert.Equal(evaluator!.ParameterNames.Order(StringComparer.Ordinal), rule.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(evaluator.ResourceKind, rule.ResourceKind);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_HaveAPassFailFixture_When_RuleIsInTheCatalogue(string ruleId)
    {
        // Given
        var folder = Path.Combine(RuleTestHarness.FixturesDirectory, ruleId);

        // When
        var exports = Directory.Exists(folder) ? Directory.GetFiles(folder, "describe-*.json").Select(Path.GetFileName).ToList() : [];

        // Then
        Assert.True(Directory.Exists(folder), $"{ruleId} has no fixture folder {folder}");
        Assert.Contains("describe-security-groups.json", exports);
        Assert.Contains("describe-network-interfaces.json", exports);
    }

    [Fact]
    public void Should_UseEveryRegisteredEvaluator_When_LookingAcrossAllRules()
    {
        // Given
        var used = RuleCatalogLoader.BuiltIn.Rules.Select(r => r.Implementation).ToHashSet(StringComparer.Ordinal);

        // When
        var unused = BuiltInEvaluators.All.Keys.Where(family => !used.Contains(family)).ToList();

        // Then
        Assert.True(unused.Count == 0, $"registered evaluators no rule uses: {string.Join(", ", unused)}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_HaveADefaultVariantEqualToTheParameterDefaults_When_RuleHasVariants(string ruleId)
    {
        // Given
        var rule = RuleCatalogLoader.BuiltIn.Find(ruleId)!;
        if (rule.Variants.IsEmpty)
        {
            Assert.Null(rule.DefaultVariant);
            return;
        }

        // When
        var defaultVariant = rule.Variants.SingleOrDefault(v => v.Name == rule.DefaultVariant);

        // Then
        Assert.True(defaultVariant is not null, $"{ruleId} has variants but no defaultVariant");
        Assert.Equal(rule.Variants.Length, rule.Variants.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var (name, value) in defaultVariant.Parameters)
        {
            var parameter = rule.Parameters.Single(p => p.Name == name);
            Assert.True(
                ParameterValues.AreEqual(parameter.Default, value),
                $"{ruleId}: default variant '{defaultVariant.Name}' sets {name} = {ParameterValues.ToText(value)}, but the default is {ParameterValues.ToText(parameter.Default)}");
        }

        Assert.All(rule.Variants, v => Assert.NotEmpty(v.Parameters));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_UseOnlyKnownPlaceholders_When_FormattingTheMessage(string ruleId)
    {
        // Given
        var rule = RuleCatalogLoader.BuiltIn.Find(ruleId)!;

        // When
        var unknown = MessageFormatter.UsedPlaceholders(rule.Message).Where(p => !MessageFormatter.Placeholders.Contains(p)).ToList();

        // Then
        Assert.False(string.IsNullOrWhiteSpace(rule.Message), $"{ruleId} has no message");
        Assert.True(unknown.Count == 0, $"{ruleId}: unknown placeholders {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_HaveAShortProblemTitleAndFewTags_When_RuleIsInTheCatalogue(string ruleId)
    {
        // Given
        var rule = RuleCatalogLoader.BuiltIn.Find(ruleId)!;

        // When / Then
        Assert.InRange(rule.Title.Length, 1, 120);
        Assert.False(rule.Title.StartsWith("Ensure", StringComparison.OrdinalIgnoreCase), $"{ruleId}: the title states the problem, not 'Ensure …'");
        Assert.InRange(rule.Tags.Length, 0, 10);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Should_BeMappedOrListedAsUnmapped_When_RuleIsInTheCatalogue(string ruleId)
    {
        // Given
        var catalog = RuleCatalogLoader.BuiltIn;

        // When
        var mapped = catalog.ControlsFor(ruleId).Any();
        var listedUnmapped = catalog.UnmappedReasons.ContainsKey(ruleId);

        // Then
        Assert.True(mapped || listedUnmapped, $"{ruleId} is in no framework and not in rules/compliance/unmapped.json");
        Assert.False(mapped && listedUnmapped, $"{ruleId} is mapped and also listed in rules/compliance/unmapped.json");
    }

    [Theory]
    [MemberData(nameof(FrameworkIds))]
    public void Should_MapOnlyKnownRulesAndNameTheVersion_When_ReadingAFramework(string frameworkId)
    {
        // Given
        var catalog = RuleCatalogLoader.BuiltIn;
        var framework = catalog.Frameworks.Single(f => f.Id == frameworkId);

        // When
        var unknown = framework.Controls.SelectMany(c => c.RuleIds).Where(id => catalog.Find(id) is null).ToList();

        // Then
        Assert.True(unknown.Count == 0, $"{frameworkId} maps unknown rules {string.Join(", ", unknown)}");
        Assert.NotEmpty(framework.Controls);
        Assert.All(framework.Controls, control =>
        {
            var label = framework.Label(control);
            Assert.Contains($"v{framework.Version}", label, StringComparison.Ordinal);
            Assert.EndsWith(control.Id, label, StringComparison.Ordinal);
            Assert.NotEqual(control.Id, label);
        });
    }

    [Fact]
    public void Should_NumberCisControlsPerBenchmarkVersion_When_ReadingCisFrameworks()
    {
        // Given every CIS AWS Foundations version SgAudit ships
        var cis = RuleCatalogLoader.BuiltIn.Frameworks.Where(f => f.Id.StartsWith(CisPrefix, StringComparison.Ordinal)).ToList();

        // When / Then every version is in the spec table, and every version of the table is shipped with its exact numbering
        RuleTestHarness.AssertSameSet(CisNumbering.Keys, cis.Select(f => f.Id), "CIS framework files");
        foreach (var framework in cis)
        {
            RuleTestHarness.AssertSameSet(CisNumbering[framework.Id], Pairs(framework), $"{framework.Id} control → rule");
        }
    }

    [Theory]
    [InlineData(SecurityHubFramework)]
    [InlineData(PciFramework)]
    public void Should_MapControlsAsTheSpecTable_When_ReadingSecurityHubFrameworks(string frameworkId)
    {
        // Given
        var framework = RuleCatalogLoader.BuiltIn.Frameworks.SingleOrDefault(f => f.Id == frameworkId);

        // When / Then
        Assert.True(framework is not null, $"{frameworkId} is not in the catalogue");
        RuleTestHarness.AssertSameSet(ControlMappings[frameworkId], Pairs(framework), $"{frameworkId} control → rule");
    }

    [Theory]
    [InlineData("unknown-member")]
    [InlineData("bad-severity")]
    [InlineData("id-not-folder")]
    [InlineData("missing-guidance")]
    [InlineData("mapping-to-unknown-rule")]
    [InlineData("parameter-type-differs-from-family")]
    [InlineData("parameter-not-in-family")]
    [InlineData("unknown-family")]
    public void Should_ThrowCatalogExceptionNamingTheFile_When_ARuleFolderIsBroken(string breakage)
    {
        // Given a copy of rules/SGA001 and a CIS file, broken in one way
        using var rules = new ScratchDirectory();
        var ruleFolder = Directory.CreateDirectory(Path.Combine(rules.Path, "SGA001")).FullName;
        var complianceFolder = Directory.CreateDirectory(Path.Combine(rules.Path, "compliance")).FullName;
        CopyFamilies(rules.Path);
        var rule = JsonNode.Parse(File.ReadAllText(Path.Combine(RulesDirectory, "SGA001", "rule.json")))!.AsObject();
        var framework = new JsonObject
        {
            ["id"] = "cis-aws-foundations-v3.0.0",
            ["name"] = "CIS Amazon Web Services Foundations Benchmark",
            ["version"] = "3.0.0",
            ["shortName"] = "CIS AWS Foundations v3.0.0",
            ["controls"] = new JsonArray(new JsonObject { ["id"] = "5.2", ["title"] = "Admin ports", ["ruleIds"] = new JsonArray("SGA001") }),
        };
        File.Copy(Path.Combine(RulesDirectory, "SGA001", "guidance.md"), Path.Combine(ruleFolder, "guidance.md"));
        var expectedFile = "SGA001/rule.json";
        switch (breakage)
        {
            case "unknown-member":
                rule["autoFix"] = true;
                break;
            case "bad-severity":
                rule["severity"] = "severe";
                break;
            case "id-not-folder":
                rule["id"] = "SGA099";
                break;
            case "missing-guidance":
                File.Delete(Path.Combine(ruleFolder, "guidance.md"));
                expectedFile = "SGA001/guidance.md";
                break;
            case "mapping-to-unknown-rule":
                framework["controls"]![0]!["ruleIds"]!.AsArray().Add("SGA999");
                expectedFile = "compliance/cis-aws-foundations-v3.0.0.json";
                break;
            case "parameter-type-differs-from-family":
                rule["parameters"]!["ports"]!["type"] = "choiceList";
                rule["parameters"]!["ports"]!["allowed"] = new JsonArray("22", "3389");
                rule["parameters"]!["ports"]!["default"] = new JsonArray("22");
                break;
            case "parameter-not-in-family":
                rule["parameters"]!["threshold"] = new JsonObject { ["type"] = "integer", ["default"] = 1, ["description"] = "not a parameter of the family" };
                break;
            case "unknown-family":
                rule["implementation"] = "world-ingress-portz";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        File.WriteAllText(Path.Combine(ruleFolder, "rule.json"), rule.ToJsonString());
        File.WriteAllText(Path.Combine(complianceFolder, "cis-aws-foundations-v3.0.0.json"), framework.ToJsonString());

        // When
        var exception = Record.Exception(() => RuleCatalogLoader.LoadDirectory(rules.Path));

        // Then
        var catalogException = Assert.IsType<CatalogException>(exception);
        Assert.Equal(expectedFile, catalogException.File);
        Assert.Contains(expectedFile, catalogException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LoadACopyOfOneRule_When_NothingIsBroken()
    {
        // Given an unchanged copy of rules/SGA001 (the control case for the broken-folder test)
        using var rules = new ScratchDirectory();
        var ruleFolder = Directory.CreateDirectory(Path.Combine(rules.Path, "SGA001")).FullName;
        File.Copy(Path.Combine(RulesDirectory, "SGA001", "rule.json"), Path.Combine(ruleFolder, "rule.json"));
        File.Copy(Path.Combine(RulesDirectory, "SGA001", "guidance.md"), Path.Combine(ruleFolder, "guidance.md"));
        CopyFamilies(rules.Path);

        // When
        var catalog = RuleCatalogLoader.LoadDirectory(rules.Path);

        // Then
        Assert.Equal("SGA001", Assert.Single(catalog.Rules).Id);
    }

    private static void CopyFamilies(string rulesPath)
    {
        var families = Directory.CreateDirectory(Path.Combine(rulesPath, "families")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RulesDirectory, "families"), "*.json"))
        {
            File.Copy(file, Path.Combine(families, Path.GetFileName(file)));
        }
    }

    private static IEnumerable<string> Pairs(ComplianceFramework framework) =>
        framework.Controls.SelectMany(c => c.RuleIds.Select(id => $"{c.Id} {id}"));

    private static string ReadRuleId(string folder)
    {
        var path = Path.Combine(RulesDirectory, folder, "rule.json");
        Assert.True(File.Exists(path), $"{path} is missing");
        return JsonNode.Parse(File.ReadAllText(path))?["id"]?.GetValue<string>() ?? "";
    }

    [GeneratedRegex("^SGA[0-9]{3}$")]
    private static partial Regex IdPattern();
}
