using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using System.Collections.Immutable;

namespace SgAudit.Benchmarks;

/// <summary>Renders every report format for the benchmark (filled in once the report writers exist).</summary>
internal static class ReportRendering
{
    public static Task<IReadOnlyList<(string File, long Bytes)>> RenderAllAsync(RuleCatalog catalog, ImmutableArray<ResolvedRule> rules, Inventory inventory, EvaluationResult evaluation, string outDir)
    {
        _ = (catalog, rules, inventory, evaluation, outDir);
        return Task.FromResult<IReadOnlyList<(string File, long Bytes)>>([]);
    }
}
