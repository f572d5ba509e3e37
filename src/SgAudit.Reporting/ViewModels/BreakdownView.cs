namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// Findings of one account, region or VPC (HTML overview): counts per severity, the failing resources, and the
/// width of its bar in pixels (relative to the largest row of the same table). <see cref="Key"/> is account data.
/// </summary>
public sealed record BreakdownView
{
    /// <summary>The account id, region or VPC id; "none" for findings outside a VPC.</summary>
    public required string Key { get; init; }

    public required int Count { get; init; }
    public required int Critical { get; init; }
    public required int High { get; init; }
    public required int Medium { get; init; }
    public required int Low { get; init; }
    public required int Info { get; init; }

    /// <summary>Distinct resources with at least one finding.</summary>
    public required int Resources { get; init; }

    /// <summary>0 to <see cref="HtmlReportViewModelBuilder.BarWidth"/>.</summary>
    public required int Bar { get; init; }
}
