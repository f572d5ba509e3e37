using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>The comparison with the --baseline report: counts, and the baseline findings fixed or not re-assessed.</summary>
public sealed record BaselineView
{
    /// <summary>The baseline report's path as given (user input: render escaped).</summary>
    public required string File { get; init; }

    /// <summary>When the baseline scan started (ISO 8601 UTC), or null.</summary>
    public string? StartedAt { get; init; }

    public required int New { get; init; }
    public required int Unchanged { get; init; }

    /// <summary>How many baseline findings are fixed.</summary>
    public required int Fixed { get; init; }

    /// <summary>How many baseline findings are gone only from sight (their scope or rule was not assessed).</summary>
    public required int NotReassessed { get; init; }

    /// <summary>Every fixed baseline finding, in the baseline's order.</summary>
    public required ImmutableArray<ReportedFindingView> FixedFindings { get; init; }

    /// <summary>Every baseline finding not re-assessed, with its <see cref="ReportedFindingView.Reason"/>.</summary>
    public required ImmutableArray<ReportedFindingView> NotReassessedFindings { get; init; }

    /// <summary>The first fixed findings, for the Markdown summary.</summary>
    public required ImmutableArray<ReportedFindingView> TopFixed { get; init; }

    /// <summary>Fixed findings not in <see cref="TopFixed"/>.</summary>
    public required int MoreFixed { get; init; }
}
