namespace SgAudit.Reporting.ViewModels;

/// <summary>The tool that produced the report.</summary>
public sealed record ToolView(string Name, string Version, string InformationUri);
