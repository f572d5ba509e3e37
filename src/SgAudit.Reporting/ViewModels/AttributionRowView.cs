namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// A row of the HTML report's attribution table: one looked-up group (<see cref="Group"/>), or the groups of one
/// account and region that share an outcome carrying nothing of their own ("not looked up", "not assessed" with the
/// same error), counted in one row. A scan of 100,000 groups without CloudTrail events would otherwise list 100,000
/// identical rows; every group's own outcome stays on its card and in report.json.
/// </summary>
public sealed record AttributionRowView
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }

    /// <summary>"found", "no-change", "not-looked-up" or "not-assessed".</summary>
    public required string Status { get; init; }

    /// <summary>The outcome's phrase, as <see cref="AttributionView.Text"/>.</summary>
    public required string Text { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The group, when the row is one group; null when it counts several.</summary>
    public AttributionView? Group { get; init; }

    /// <summary>How many failing groups the row stands for: 1 for a row of one group.</summary>
    public required int GroupCount { get; init; }
}
