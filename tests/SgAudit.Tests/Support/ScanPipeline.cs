using System.Collections.Immutable;
using SgAudit.Collectors;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Support;

/// <summary>The real scan path for tests: model → embedded emulator → collector → resolved built-in rules → engine.</summary>
internal static class ScanPipeline
{
    public static Task<Inventory> CollectAsync(ModelDocument document) =>
        new InventoryCollector(new CollectionOptions()).CollectAsync(new EmbeddedEmulator(document).Accounts, CancellationToken.None);

    public static ImmutableArray<ResolvedRule> Rules(IReadOnlyDictionary<string, RuleSettings>? settings = null) =>
        RuleSetResolver.Resolve(RuleCatalogLoader.BuiltIn, settings ?? ImmutableDictionary<string, RuleSettings>.Empty);

    public static EvaluationResult Evaluate(Inventory inventory, ImmutableArray<ResolvedRule> rules) =>
        RuleEngine.BuiltIn.Evaluate(RuleCatalogLoader.BuiltIn, inventory, rules);
}
