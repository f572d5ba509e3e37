namespace SgAudit.Reporting.ViewModels;

/// <summary>How to fix one rule's findings on a resource: the rule's remediation (catalogue text, not account data).</summary>
public sealed record GroupFixView(string RuleId, string Severity, string Title, string Text, string? Cli);
