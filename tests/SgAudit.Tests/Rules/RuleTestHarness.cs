using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Collectors;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Rules;

/// <summary>
/// Runs rule tests through the real path: AWS CLI JSON exports → <see cref="CliExportFolderReader"/> →
/// <see cref="EmbeddedEmulator"/> → <see cref="InventoryCollector"/> → <see cref="RuleSetResolver"/> over the
/// built-in catalogue → <see cref="RuleEngine"/>. No hand-built domain objects.
/// </summary>
/// <remarks>
/// Fixture resources are named <c>pass-…</c>, <c>fail-…</c> or <c>na-…</c> (the rule does not apply). A security
/// group's name is its <c>Name</c> tag when it has one (default groups are all called "default"), else its
/// GroupName; a network ACL's name is its <c>Name</c> tag.
/// </remarks>
public static class RuleTestHarness
{
    public const string PassPrefix = "pass-";
    public const string FailPrefix = "fail-";
    public const string NotApplicablePrefix = "na-";


    /// <summary>The folder holding SgAudit.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => RepositoryPaths.RepositoryRoot;

    /// <summary>tests/SgAudit.Tests/Rules/Fixtures in the source tree.</summary>
    public static string FixturesDirectory => Path.Combine(RepositoryRoot, "tests", "SgAudit.Tests", "Rules", "Fixtures");

    /// <summary>The fixture folder of one rule (or any other named fixture folder).</summary>
    public static string FixtureFolder(string name)
    {
        var folder = Path.Combine(FixturesDirectory, name);
        Assert.True(Directory.Exists(folder), $"fixture folder {folder} does not exist");
        return folder;
    }

    /// <summary>Scans a folder of AWS CLI exports with the built-in catalogue and the given settings.</summary>
    public static async Task<EvaluationResult> ScanFolderAsync(string folder, IReadOnlyDictionary<string, RuleSettings>? settings = null) =>
        Evaluate(await CollectFolderAsync(folder), settings);

    /// <summary>Reads a folder of AWS CLI exports into an inventory through the emulator and the collector.</summary>
    public static async Task<Inventory> CollectFolderAsync(string folder)
    {
        var inventory = await ScanPipeline.CollectAsync(CliExportFolderReader.Read(folder));
        Assert.True(
            inventory.NotAssessed.IsEmpty,
            $"{folder} was not read completely: {string.Join("; ", inventory.NotAssessed.Select(n => $"{n.AccountId}/{n.Region}: {n.ErrorCode} {n.Message}"))}");
        return inventory;
    }

    /// <summary>Resolves the built-in catalogue with <paramref name="settings"/> and evaluates every enabled rule.</summary>
    public static EvaluationResult Evaluate(Inventory inventory, IReadOnlyDictionary<string, RuleSettings>? settings = null)
    {
        return ScanPipeline.Evaluate(inventory, ScanPipeline.Rules(settings));
    }

    /// <summary>Ids of the resources <paramref name="ruleId"/> failed; checks that findings and outcomes agree.</summary>
    public static ImmutableSortedSet<string> FailingResourceIds(EvaluationResult result, string ruleId)
    {
        var failing = result.Outcomes.Where(o => o.RuleId == ruleId && !o.Passed).Select(o => o.ResourceId).ToImmutableSortedSet(StringComparer.Ordinal);
        var withFindings = result.Findings.Where(f => f.RuleId == ruleId).Select(f => f.ResourceId).ToImmutableSortedSet(StringComparer.Ordinal);
        Assert.True(
            failing.SetEquals(withFindings),
            $"{ruleId}: failing outcomes [{string.Join(", ", failing)}] and resources with findings [{string.Join(", ", withFindings)}] differ");
        return failing;
    }

    /// <summary>Ids of the resources <paramref name="ruleId"/> evaluated and passed.</summary>
    public static ImmutableSortedSet<string> PassingResourceIds(EvaluationResult result, string ruleId) =>
        result.Outcomes.Where(o => o.RuleId == ruleId && o.Passed).Select(o => o.ResourceId).ToImmutableSortedSet(StringComparer.Ordinal);

    /// <summary>Resource id → fixture name (Name tag, else GroupName for security groups; Name tag, else id for ACLs).</summary>
    public static ImmutableDictionary<string, string> ResourceNames(Inventory inventory)
    {
        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var region in inventory.Regions)
        {
            foreach (var group in region.SecurityGroups)
            {
                names.Add(group.Id, NameTag(group.Tags) ?? group.Name);
            }

            foreach (var acl in region.NetworkAcls)
            {
                names.Add(acl.Id, NameTag(acl.Tags) ?? acl.Id);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>
    /// Scans a rule's fixture folder (Fixtures/&lt;ruleId&gt; unless <paramref name="fixture"/> names another) with
    /// <paramref name="settings"/> for that rule, and returns the rule's verdicts by fixture name.
    /// </summary>
    public static async Task<RuleRun> RunRuleAsync(string ruleId, RuleSettings? settings = null, string? fixture = null)
    {
        var folder = FixtureFolder(fixture ?? ruleId);
        var inventory = await CollectFolderAsync(folder);
        var result = Evaluate(inventory, settings is null ? null : ImmutableDictionary<string, RuleSettings>.Empty.Add(ruleId, settings));
        return Verdicts(ruleId, folder, inventory, result);
    }

    /// <summary>
    /// Scans a fixture folder with a catalogue and rule set of the caller's (e.g. a config file's custom rules) and
    /// returns <paramref name="ruleId"/>'s verdicts by fixture name.
    /// </summary>
    public static async Task<RuleRun> RunConfiguredRuleAsync(string ruleId, string fixture, RuleCatalog catalog, ImmutableArray<ResolvedRule> rules)
    {
        var folder = FixtureFolder(fixture);
        var inventory = await CollectFolderAsync(folder);
        return Verdicts(ruleId, folder, inventory, RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules));
    }

    private static RuleRun Verdicts(string ruleId, string folder, Inventory inventory, EvaluationResult result)
    {
        var gaps = result.Gaps.Where(g => g.RuleId == ruleId).ToList();
        Assert.True(gaps.Count == 0, $"{ruleId} was not assessed on {folder}: {string.Join("; ", gaps.Select(g => g.Reason))}");

        var names = ResourceNames(inventory);
        Assert.True(names.Values.Distinct(StringComparer.Ordinal).Count() == names.Count, $"{folder}: fixture names are not unique");
        var badNames = names.Values.Where(n => !n.StartsWith(PassPrefix, StringComparison.Ordinal) && !n.StartsWith(FailPrefix, StringComparison.Ordinal)
            && !n.StartsWith(NotApplicablePrefix, StringComparison.Ordinal)).ToList();
        Assert.True(badNames.Count == 0, $"{folder}: names must start with pass-, fail- or na-: {string.Join(", ", badNames)}");

        var outcomes = result.Outcomes.Where(o => o.RuleId == ruleId).ToList();
        var duplicated = outcomes.GroupBy(o => o.ResourceId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, $"{ruleId}: more than one outcome for {string.Join(", ", duplicated)}");

        return new RuleRun(
            ruleId,
            [.. names.Values],
            [.. FailingResourceIds(result, ruleId).Select(id => NameOf(names, id))],
            [.. PassingResourceIds(result, ruleId).Select(id => NameOf(names, id))]);
    }

    /// <summary>
    /// Scans a rule's fixture folder like <see cref="RunRuleAsync"/> and returns that rule's findings as
    /// "fixture name | source | detail", sorted, so tests can assert the exact evidence.
    /// </summary>
    public static async Task<ImmutableArray<string>> EvidenceAsync(string ruleId, RuleSettings? settings = null, string? fixture = null)
    {
        var inventory = await CollectFolderAsync(FixtureFolder(fixture ?? ruleId));
        var result = Evaluate(inventory, settings is null ? null : ImmutableDictionary<string, RuleSettings>.Empty.Add(ruleId, settings));
        var names = ResourceNames(inventory);
        return [.. result.Findings
            .Where(f => f.RuleId == ruleId)
            .Select(f => $"{NameOf(names, f.ResourceId)} | {f.Evidence.Source} | {f.Evidence.Detail}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Asserts the exact evidence lines, in order, showing both lists in full when they differ.</summary>
    public static void AssertEvidence(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));

    /// <summary>Settings that set parameters, each given as JSON text.</summary>
    public static RuleSettings WithParameters(params (string Name, string Json)[] parameters) => new()
    {
        Parameters = parameters.ToImmutableDictionary(p => p.Name, p => JsonNode.Parse(p.Json), StringComparer.Ordinal),
    };

    /// <summary>Asserts the rule failed exactly the fail-* resources and passed exactly the pass-* ones (na-* in neither).</summary>
    public static void AssertVerdictsFollowNames(RuleRun run) =>
        AssertVerdicts(run, run.NamesStartingWith(FailPrefix), run.NamesStartingWith(PassPrefix));

    /// <summary>Asserts the exact sets of failing and passing resource names.</summary>
    public static void AssertVerdicts(RuleRun run, IEnumerable<string> expectedFailing, IEnumerable<string> expectedPassing)
    {
        AssertSameSet(expectedFailing, run.Failing, $"{run.RuleId} failing");
        AssertSameSet(expectedPassing, run.Passing, $"{run.RuleId} passing");
    }

    /// <summary>Asserts two sets of names are equal, naming what is missing and what is unexpected.</summary>
    public static void AssertSameSet(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var expectedSet = expected.ToImmutableSortedSet(StringComparer.Ordinal);
        var actualSet = actual.ToImmutableSortedSet(StringComparer.Ordinal);
        var missing = expectedSet.Except(actualSet);
        var unexpected = actualSet.Except(expectedSet);
        Assert.True(
            missing.IsEmpty && unexpected.IsEmpty,
            $"{what}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
    }

    private static string NameOf(ImmutableDictionary<string, string> names, string resourceId)
    {
        Assert.True(names.TryGetValue(resourceId, out var name), $"an outcome names {resourceId}, which is not in the inventory");
        return name;
    }

    private static string? NameTag(ImmutableArray<ResourceTag> tags) =>
        tags.FirstOrDefault(t => string.Equals(t.Key, "Name", StringComparison.Ordinal))?.Value;

}
