using System.Collections.Immutable;
using SgAudit.Core.Engine;

namespace SgAudit.Core.Baselines;

/// <summary>
/// A scan compared with a baseline report (--baseline): how many of its findings are new and unchanged (each finding
/// carries its <see cref="BaselineState"/>), and the baseline findings that are fixed or were not re-assessed.
/// </summary>
public sealed record BaselineComparison(BaselineReport Report)
{
    public required int New { get; init; }
    public required int Unchanged { get; init; }

    /// <summary>Baseline findings gone from a scope and rule this scan assessed, in the baseline's order.</summary>
    public required ImmutableArray<ReportedFinding> Fixed { get; init; }

    /// <summary>Baseline findings gone only from sight: their scope or rule was not assessed this time.</summary>
    public required ImmutableArray<NotReassessedFinding> NotReassessed { get; init; }

    /// <summary>
    /// Marks every finding of <paramref name="result"/> new or unchanged against <paramref name="baseline"/> (by
    /// fingerprint) and sorts the baseline findings it no longer has into fixed and not re-assessed.
    /// </summary>
    /// <param name="result">The scan.</param>
    /// <param name="baseline">The previous report.</param>
    public static ScanResult Apply(ScanResult result, BaselineReport baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(baseline);
        var before = FindingDiff.Fingerprints(baseline.Findings);
        var marked = result.Findings
            .Select(f => f with { Baseline = before.Contains(f.Fingerprint) ? BaselineState.Unchanged : BaselineState.New })
            .ToImmutableArray();
        var current = marked.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var (gone, notReassessed) = FindingDiff.Missing(baseline.Findings, current, ScanCoverage.Of(result));
        var unchanged = marked.Count(f => f.Baseline == BaselineState.Unchanged);
        return result with
        {
            Evaluation = result.Evaluation with { Findings = marked },
            Baseline = new BaselineComparison(baseline)
            {
                New = marked.Length - unchanged,
                Unchanged = unchanged,
                Fixed = gone,
                NotReassessed = notReassessed,
            },
        };
    }
}
