using SgAudit.Core.Baselines;
using SgAudit.Core.Model;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// A finding of another report (a fixed or not re-assessed baseline finding, or either side of a diff), flattened
/// for templates and writers. Everything but the rule id and severity is account data: render it escaped only.
/// </summary>
public sealed record ReportedFindingView
{
    public required string RuleId { get; init; }

    /// <summary>"critical", "high", "medium", "low" or "info".</summary>
    public required string Severity { get; init; }

    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public string? VpcId { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public required string ResourceName { get; init; }
    public required string Message { get; init; }
    public string? Direction { get; init; }
    public string? Protocol { get; init; }
    public string? Ports { get; init; }
    public required string Source { get; init; }
    public int? AclRuleNumber { get; init; }
    public required string Permission { get; init; }
    public required string Detail { get; init; }
    public required string Fingerprint { get; init; }

    /// <summary>Why a baseline finding was not re-assessed; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The view of a finding another report recorded.</summary>
    /// <param name="finding">The finding as a report recorded it.</param>
    /// <param name="reason">Why it was not re-assessed, if it was not.</param>
    public static ReportedFindingView From(ReportedFinding finding, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new ReportedFindingView
        {
            RuleId = finding.RuleId,
            Severity = finding.Severity.ToText(),
            AccountId = finding.AccountId,
            Region = finding.Region,
            VpcId = finding.VpcId,
            ResourceType = finding.ResourceType,
            ResourceId = finding.ResourceId,
            ResourceName = finding.ResourceName,
            Message = finding.Message,
            Direction = finding.Direction,
            Protocol = finding.Protocol,
            Ports = finding.Ports,
            Source = finding.Source,
            AclRuleNumber = finding.AclRuleNumber,
            Permission = finding.Permission,
            Detail = finding.Detail,
            Fingerprint = finding.Fingerprint,
            Reason = reason,
        };
    }
}
