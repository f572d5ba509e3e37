namespace SgAudit.Reporting.ViewModels;

/// <summary>One value of a filter with the number of findings that have it (account data for accounts and VPCs).</summary>
public sealed record FilterOptionView(string Value, string Label, int Count);
