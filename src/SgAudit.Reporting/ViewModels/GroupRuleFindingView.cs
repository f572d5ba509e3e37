namespace SgAudit.Reporting.ViewModels;

/// <summary>A finding on one rule of a resource card: which rule flags it and why.</summary>
public sealed record GroupRuleFindingView(string RuleId, string Severity, string Detail);
