namespace SgAudit.Reporting.ViewModels;

/// <summary>A framework's row in the overview's compliance matrix: its counts and a stacked bar (pixel widths).</summary>
public sealed record ComplianceBarView
{
    public required FrameworkView Framework { get; init; }
    public required int Controls { get; init; }
    public required int FailWidth { get; init; }
    public required int PassX { get; init; }
    public required int PassWidth { get; init; }
    public required int NotAssessedX { get; init; }
    public required int NotAssessedWidth { get; init; }
}
