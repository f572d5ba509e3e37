namespace SgAudit.Reporting.ViewModels;

/// <summary>How to fix a rule's findings: prose, and optionally an AWS CLI and a Terraform example.</summary>
public sealed record RemediationView(string Text, string? Cli, string? Terraform);
