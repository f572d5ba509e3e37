namespace SgAudit.Core.Rules;

/// <summary>How to fix a finding: prose, and optionally an AWS CLI and a Terraform example.</summary>
public sealed record RuleRemediation(string Text)
{
    public string? Cli { get; init; }
    public string? Terraform { get; init; }
}
