using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Baselines;

/// <summary>
/// A finding as report.json records it: its identity (<see cref="Fingerprint"/>) and the fields that say which rule,
/// resource and permission it is about. Used for the findings of a previous report, and for both sides of a diff.
/// Every string but the rule id and severity comes from the account (or the file): untrusted.
/// </summary>
public sealed record ReportedFinding(string Fingerprint, string RuleId, Severity Severity, string AccountId, string Region, string ResourceId)
{
    /// <summary>"AWS::EC2::SecurityGroup" or "AWS::EC2::NetworkAcl".</summary>
    public string ResourceType { get; init; } = ResourceKindText.SecurityGroupType;

    public string ResourceName { get; init; } = "";
    public string? VpcId { get; init; }
    public string Message { get; init; } = "";

    /// <summary>The evidence as report.json writes it ("ingress", "tcp", "22", …); null members are null there too.</summary>
    public string? Direction { get; init; }

    public string? Protocol { get; init; }
    public string? Ports { get; init; }
    public string Source { get; init; } = "-";
    public int? AclRuleNumber { get; init; }
    public string Permission { get; init; } = "-";
    public string Detail { get; init; } = "";

    /// <summary>The same fields as a report of <paramref name="finding"/> writes them.</summary>
    public static ReportedFinding From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new ReportedFinding(finding.Fingerprint, finding.RuleId, finding.Severity, finding.AccountId, finding.Region, finding.ResourceId)
        {
            ResourceType = finding.ResourceKind.ToTypeName(),
            ResourceName = finding.ResourceName,
            VpcId = finding.VpcId,
            Message = finding.Message,
            Direction = finding.Evidence.Direction switch
            {
                Model.Direction.Ingress => "ingress",
                Model.Direction.Egress => "egress",
                _ => null,
            },
            Protocol = finding.Evidence.Protocol?.Name,
            Ports = finding.Evidence.Ports?.ToString(),
            Source = finding.Evidence.Source,
            AclRuleNumber = finding.Evidence.AclRuleNumber,
            Permission = finding.Evidence.Permission,
            Detail = finding.Evidence.Detail,
        };
    }
}
