namespace SgAudit.Reporting.ViewModels;

/// <summary>How many suppressions ended in each status, and how many findings they suppressed.</summary>
public sealed record SuppressionSummaryView(int Applied, int Expired, int Stale, int Invalid, int SuppressedFindings)
{
    /// <summary>Every suppression of the scan.</summary>
    public int Total => Applied + Expired + Stale + Invalid;

    /// <summary>True when the scan has any suppression (for templates).</summary>
    public bool Any => Total > 0;
}
