namespace SgAudit.Reporting.ViewModels;

/// <summary>A finding on one rule of a resource card: which rule flags it, why, and the suppression covering it if any.</summary>
public sealed record GroupRuleFindingView(string RuleId, string Severity, string Detail)
{
    public SuppressionView? Suppression { get; init; }
}
