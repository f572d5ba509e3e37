using System.Collections.Frozen;
using System.Collections.Immutable;
using SgAudit.Core.Compliance;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Runs resolved rules over an inventory. Pure: no I/O, clock or logging; the same input gives the same output.</summary>
public sealed class RuleEngine(FrozenDictionary<string, IRuleEvaluator> evaluators)
{
    public static RuleEngine BuiltIn { get; } = new(BuiltInEvaluators.All);

    /// <summary>
    /// Resources per slice: every rule runs over one slice before the next, so a group's permissions are read from the
    /// cache by the sixteen rules after the first instead of from memory by each (a scan walks a million permissions
    /// per rule). A slice of 512 groups of about ten permissions stays within a core's L2 cache.
    /// </summary>
    internal const int SliceSize = 512;

    /// <summary>
    /// Evaluation allocates about 375 B per permission where a third of them fail a rule (375 MiB at 1,000,000 in the
    /// benchmark); a little room above that.
    /// </summary>
    internal const long EvaluationBytesPerPermission = 448;

    /// <summary>Fewer permissions than this take well under a second to evaluate, with collections as usual.</summary>
    internal const long PermissionsForGcFreeEvaluation = 50_000;

    public EvaluationResult Evaluate(RuleCatalog catalog, Inventory inventory, ImmutableArray<ResolvedRule> rules, CancellationToken cancellationToken = default)
    {
        foreach (var rule in rules)
        {
            if (!evaluators.ContainsKey(rule.Definition.Implementation))
            {
                throw new CatalogException($"{rule.Id}/rule.json", $"implementation '{rule.Definition.Implementation}' is not a registered evaluator family");
            }
        }

        // Findings, outcomes and evidence stay live until the reports are written: a collection during a large
        // evaluation only copies them from one generation to the next (0.2-0.9 s at 1,000,000 permissions).
        var permissions = inventory.Regions.Sum(r => r.SecurityGroups.Sum(g => (long)g.Ingress.Length + g.Egress.Length) + r.NetworkAcls.Sum(a => (long)a.Entries.Length));
        using var noCollections = permissions >= PermissionsForGcFreeEvaluation ? GcFreeRegion.Enter(GcFreeRegion.Budget(permissions, EvaluationBytesPerPermission)) : null;
        var groups = new GroupDirectory(inventory.Regions);
        var contexts = inventory.Regions.Select(r => new RegionContext(InIdOrder(r), groups)).ToArray();
        var pairs = new RulePair[contexts.Length * rules.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = RulePair.Prepare(contexts[i / rules.Length], rules[i % rules.Length], evaluators[rules[i % rules.Length].Definition.Implementation]);
        }

        // Each slice of a region is independent: evaluate them in parallel, every rule over one slice in turn; each
        // (region, rule) pair keeps its slices' results in slice order, so the output does not depend on scheduling.
        var slices = Slices(contexts).ToArray();
        Parallel.For(0, slices.Length, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            var slice = slices[index];
            var part = slice.Kind == ResourceKind.SecurityGroup
                ? contexts[slice.Region].WithSecurityGroups(ImmutableArray.Create(contexts[slice.Region].Inventory.SecurityGroups.AsSpan(slice.Start, slice.Length)))
                : contexts[slice.Region].WithNetworkAcls(ImmutableArray.Create(contexts[slice.Region].Inventory.NetworkAcls.AsSpan(slice.Start, slice.Length)));
            for (var r = 0; r < rules.Length; r++)
            {
                var pair = pairs[(slice.Region * rules.Length) + r];
                if (pair.Evaluator.ResourceKind == slice.Kind && pair.Assessable)
                {
                    pair.EvaluateSlice(part, slice);
                }
            }
        });

        // Every finding of a pair shares its rule, account and region, and each pair's findings are in resource and
        // evidence order: concatenating the pairs in (rule, account, region) order is the FindingOrder sort, without
        // comparing those three strings for every pair of findings.
        var findingOrder = Enumerable.Range(0, pairs.Length)
            .OrderBy(index => rules[index % rules.Length].Id, StringComparer.Ordinal)
            .ThenBy(index => contexts[index / rules.Length].Inventory.AccountId, StringComparer.Ordinal)
            .ThenBy(index => contexts[index / rules.Length].Inventory.Region, StringComparer.Ordinal)
            .ToArray();
        var findings = ImmutableArray.CreateBuilder<Finding>(pairs.Sum(p => p.FindingCount));
        foreach (var index in findingOrder)
        {
            pairs[index].AddFindingsTo(findings);
        }

        var outcomes = ImmutableArray.CreateBuilder<RuleOutcomes>(pairs.Length);
        var gaps = new List<RuleGap>();
        foreach (var pair in pairs)
        {
            outcomes.Add(pair.Outcomes());
            if (pair.Gap is not null)
            {
                gaps.Add(pair.Gap);
            }
        }

        foreach (var scope in inventory.NotAssessed)
        {
            gaps.AddRange(rules.Select(rule => new RuleGap(rule.Id, scope.AccountId, scope.Region, $"{scope.ErrorCode}: {scope.Message}")));
        }

        var frozenOutcomes = new ResourceOutcomes(outcomes.MoveToImmutable());
        var frozenGaps = gaps.ToImmutableArray();
        var controls = ComplianceEvaluator.Evaluate(catalog, rules, frozenOutcomes, frozenGaps);
        return new EvaluationResult(findings.MoveToImmutable(), frozenOutcomes, controls) { Gaps = frozenGaps };
    }

    /// <summary>Each region's groups, then its network ACLs, cut into slices of <see cref="SliceSize"/>, in order.</summary>
    private static IEnumerable<EvaluationSlice> Slices(RegionContext[] contexts)
    {
        for (var region = 0; region < contexts.Length; region++)
        {
            var inventory = contexts[region].Inventory;
            for (var start = 0; start < inventory.SecurityGroups.Length; start += SliceSize)
            {
                yield return new EvaluationSlice(region, ResourceKind.SecurityGroup, start, Math.Min(SliceSize, inventory.SecurityGroups.Length - start));
            }

            for (var start = 0; start < inventory.NetworkAcls.Length; start += SliceSize)
            {
                yield return new EvaluationSlice(region, ResourceKind.NetworkAcl, start, Math.Min(SliceSize, inventory.NetworkAcls.Length - start));
            }
        }
    }

    /// <summary>
    /// The region with its groups and network ACLs in id order, so every evaluator visits resources in the order
    /// findings are reported in (and outcomes come in an order that does not depend on the API's).
    /// </summary>
    private static RegionInventory InIdOrder(RegionInventory region) => region with
    {
        SecurityGroups = InIdOrder(region.SecurityGroups, g => g.Id),
        NetworkAcls = InIdOrder(region.NetworkAcls, a => a.Id),
    };

    private static ImmutableArray<T> InIdOrder<T>(ImmutableArray<T> resources, Func<T, string> idOf)
    {
        for (var i = 1; i < resources.Length; i++)
        {
            if (string.CompareOrdinal(idOf(resources[i - 1]), idOf(resources[i])) > 0)
            {
                return [.. resources.OrderBy(idOf, StringComparer.Ordinal)];
            }
        }

        return resources;
    }
}
