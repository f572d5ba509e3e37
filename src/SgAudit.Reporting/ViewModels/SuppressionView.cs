namespace SgAudit.Reporting.ViewModels;

/// <summary>The suppression that covers a finding, as reports show it. The reason and a tag source are account data when it comes from a tag.</summary>
public sealed record SuppressionView
{
    /// <summary>1-based position in the report's suppression list; the HTML anchor is <c>supp-{Index}</c>.</summary>
    public required int Index { get; init; }

    /// <summary>"config" or "tag".</summary>
    public required string SourceKind { get; init; }

    /// <summary>"sgaudit.yaml line 12" or "tag sgaudit:suppress on sg-… (account/region)".</summary>
    public required string Source { get; init; }

    public required string Reason { get; init; }

    /// <summary>The last day it applies (YYYY-MM-DD, UTC), or null when it never expires.</summary>
    public string? Until { get; init; }
}
