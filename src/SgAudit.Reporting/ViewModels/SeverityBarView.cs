namespace SgAudit.Reporting.ViewModels;

/// <summary>One bar of the overview's inline SVG severity chart: its count and geometry in pixels.</summary>
public sealed record SeverityBarView(string Severity, int Count, bool Gate, int Y, int Width, int LabelX);
