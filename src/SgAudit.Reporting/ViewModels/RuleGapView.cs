namespace SgAudit.Reporting.ViewModels;

/// <summary>A rule that could not be assessed in one account/region, and why.</summary>
public sealed record RuleGapView(string RuleId, string AccountId, string? Region, string Reason);
