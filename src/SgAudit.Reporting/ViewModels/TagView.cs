namespace SgAudit.Reporting.ViewModels;

/// <summary>A resource tag; both parts are account data.</summary>
public sealed record TagView(string Key, string Value);
