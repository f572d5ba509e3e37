using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;
using SgAudit.Tests.Rules;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Acceptance;

/// <summary>
/// Runs every case of the shared acceptance sample (AWS CLI exports + expected.json) through the real scan path and
/// checks each expectation. The sample lives outside the repository: beside the clone in CI
/// (&lt;repo&gt;/../shared/acceptance-sample/cases), /work/shared locally.
/// </summary>
public sealed class AcceptanceSampleTests
{
    /// <summary>The row a theory gets when the sample cannot be found, so the test fails instead of vanishing.</summary>
    private const string SampleNotFound = "(acceptance sample not found)";

    private const string VariantKey = "variant";

    /// <summary>Check names of the sample (its README) → SgAudit rule ids.</summary>
    private static readonly ImmutableDictionary<string, string> RuleIdsByCheck = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["admin-ports-world-ipv4"] = "SGA001",
        ["admin-ports-world-ipv6"] = "SGA002",
        ["default-sg-not-restricted"] = "SGA003",
        ["ssh-world"] = "SGA004",
        ["unused-sg"] = "SGA006",
        ["wide-port-range"] = "SGA007",
        ["high-risk-ports-world"] = "SGA008",
        ["all-ports-world"] = "SGA009",
        ["nacl-admin-ports-world"] = "SGA010",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var casesDirectory = FindCasesDirectory();
        if (casesDirectory is null)
        {
            data.Add(SampleNotFound);
            return data;
        }

        foreach (var folder in Directory.EnumerateDirectories(casesDirectory).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Fact]
    public void Should_FindTheAcceptanceSample_When_LookingBesideTheRepository()
    {
        // Given the repository root
        var root = RuleTestHarness.RepositoryRoot;

        // When
        var casesDirectory = FindCasesDirectory();

        // Then
        Assert.True(casesDirectory is not null, NotFoundMessage(root));
        Assert.NotEmpty(Directory.EnumerateDirectories(casesDirectory));
    }

    [Fact]
    public void Should_UseTheSamplesDefaultVariants_When_RulesAreNotConfigured()
    {
        // Given the default variants the sample README names
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SGA004"] = "ec2.13",
            ["SGA006"] = "eni-only",
            ["SGA007"] = "span-gt-30",
            ["SGA008"] = "tcp",
            ["SGA010"] = "ordered",
        };

        // When
        var rules = RuleSetResolver.Resolve(RuleCatalogLoader.BuiltIn, ImmutableDictionary<string, RuleSettings>.Empty);

        // Then
        foreach (var (ruleId, variant) in expected)
        {
            var rule = Assert.Single(rules, r => r.Id == ruleId);
            Assert.Equal(variant, rule.Definition.DefaultVariant);
            Assert.Equal(variant, rule.Variant);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_MeetEveryExpectation_When_ScanningTheCase(string caseName)
    {
        // Given the case's exports and expectations
        Assert.True(caseName != SampleNotFound, NotFoundMessage(RuleTestHarness.RepositoryRoot));
        var folder = Path.Combine(FindCasesDirectory()!, caseName);
        var expectations = ReadExpectations(folder);
        Assert.True(expectations.Count > 0, $"{caseName}: expected.json has no expectations");
        var unknownChecks = expectations.Select(e => e.Check).Where(c => !RuleIdsByCheck.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(unknownChecks.Count == 0, $"{caseName}: unknown check names {string.Join(", ", unknownChecks)}; map them to a rule id in {nameof(AcceptanceSampleTests)}");
        var inventory = await RuleTestHarness.CollectFolderAsync(folder);
        var resources = RuleTestHarness.ResourceNames(inventory);

        // When each reading is scanned: the defaults, then every other variant the case names
        var failures = new List<string>();
        var checkedCount = 0;
        var defaultResult = RuleTestHarness.Evaluate(inventory);
        foreach (var expectation in expectations.Where(e => IsDefaultReading(e)))
        {
            checkedCount++;
            Check(expectation, null, defaultResult, resources, failures);
        }

        var otherVariants = expectations
            .Where(e => !IsDefaultReading(e))
            .Select(e => (RuleId: RuleIdsByCheck[e.Check], Variant: e.Variant!))
            .Distinct()
            .Order();
        foreach (var (ruleId, variant) in otherVariants)
        {
            var settings = ImmutableDictionary<string, RuleSettings>.Empty.Add(ruleId, new RuleSettings { Variant = variant });
            var result = RuleTestHarness.Evaluate(inventory, settings);

            // An expectation without a variant holds under every variant.
            foreach (var expectation in expectations.Where(e => RuleIdsByCheck[e.Check] == ruleId && (e.Variant is null || e.Variant == variant)))
            {
                checkedCount++;
                Check(expectation, variant, result, resources, failures);
            }
        }

        // Then
        Assert.True(checkedCount > 0, $"{caseName}: no expectation was checked");
        Assert.True(failures.Count == 0, $"{caseName}: {failures.Count} of {checkedCount} expectations not met:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static bool IsDefaultReading(SampleExpectation expectation) =>
        expectation.Variant is null || expectation.Variant == RuleCatalogLoader.BuiltIn.Find(RuleIdsByCheck[expectation.Check])?.DefaultVariant;

    private static void Check(SampleExpectation expectation, string? variant, EvaluationResult result, ImmutableDictionary<string, string> resources, List<string> failures)
    {
        var ruleId = RuleIdsByCheck[expectation.Check];
        var reading = $"{ruleId} ({expectation.Check}, {variant ?? "default variant"}) on {expectation.Resource}";
        if (!resources.ContainsKey(expectation.Resource))
        {
            failures.Add($"{reading}: the resource is not in the scanned inventory");
            return;
        }

        var gaps = result.Gaps.Where(g => g.RuleId == ruleId).Select(g => g.Reason).ToList();
        if (gaps.Count > 0)
        {
            failures.Add($"{reading}: the rule was not assessed ({string.Join("; ", gaps)})");
            return;
        }

        var findings = result.Findings.Where(f => f.RuleId == ruleId && f.ResourceId == expectation.Resource).ToList();
        var failedOutcome = result.Outcomes.Any(o => o.RuleId == ruleId && o.ResourceId == expectation.Resource && !o.Passed);
        switch (expectation.Status)
        {
            case "fail" when findings.Count == 0 || !failedOutcome:
                failures.Add($"{reading}: expected fail, got pass (no finding)");
                break;
            case "pass" when findings.Count > 0 || failedOutcome:
                failures.Add($"{reading}: expected pass, got fail: {string.Join(" | ", findings.Select(f => f.Message))}");
                break;
            case "fail" or "pass":
                break;
            default:
                failures.Add($"{reading}: status '{expectation.Status}' is neither pass nor fail");
                break;
        }
    }

    private static List<SampleExpectation> ReadExpectations(string folder)
    {
        var file = Path.Combine(folder, "expected.json");
        Assert.True(File.Exists(file), $"{file} is missing");
        var document = JsonSerializer.Deserialize<SampleExpectations>(File.ReadAllText(file), JsonOptions);
        Assert.True(document?.Expectations is not null, $"{file} has no expectations list");
        return [.. document.Expectations];
    }

    private static string? FindCasesDirectory() => RepositoryPaths.FindShared(Path.Combine("acceptance-sample", "cases"));

    private static string NotFoundMessage(string root) =>
        $"The acceptance sample was not found: looked for shared/acceptance-sample/cases in every folder above {root}. "
        + "Check out the shared folder beside the repository clone.";

    private sealed record SampleExpectations(List<SampleExpectation>? Expectations);

    private sealed record SampleExpectation(string Check, string Resource, string Status, JsonObject? Params)
    {
        /// <summary>params.variant: the expectation holds only under that variant; null means under every variant.</summary>
        public string? Variant => Params?[VariantKey]?.GetValue<string>();
    }
}
