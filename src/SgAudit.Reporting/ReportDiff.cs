using SgAudit.Core.Baselines;
using SgAudit.Core.Model;

namespace SgAudit.Reporting;

/// <summary>Two report.json files compared (`sgaudit diff`): which files, the threshold, and the findings diff.</summary>
/// <param name="Baseline">The earlier report.</param>
/// <param name="Current">The later report.</param>
/// <param name="Diff">Its findings compared by fingerprint.</param>
public sealed record ReportDiff(BaselineReport Baseline, BaselineReport Current, FindingDiff Diff)
{
    /// <summary>New findings at or above this severity fail the diff (exit 1); null never fails on findings.</summary>
    public Severity? FailOn { get; init; } = Severity.High;

    /// <summary>True when the later scan could not assess everything.</summary>
    public bool CurrentPartial { get; init; }

    /// <summary>New findings at or above <see cref="FailOn"/>.</summary>
    public int GateNew => FailOn is { } threshold ? Diff.New.Count(f => f.Severity >= threshold) : 0;
}
