using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>One finding, flattened for templates. Everything but the rule fields is account data: render it escaped only.</summary>
public sealed record FindingView
{
    public required string RuleId { get; init; }

    /// <summary>"critical", "high", "medium", "low" or "info".</summary>
    public required string Severity { get; init; }

    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public string? VpcId { get; init; }

    /// <summary>"AWS::EC2::SecurityGroup" or "AWS::EC2::NetworkAcl".</summary>
    public required string ResourceType { get; init; }

    /// <summary>"security group" or "network ACL".</summary>
    public required string ResourceKind { get; init; }

    public required string ResourceId { get; init; }
    public required string ResourceName { get; init; }
    public required string ResourceArn { get; init; }
    public required string Message { get; init; }

    /// <summary>The offending permission or ACL entry in words ("tcp 22", "all traffic"), or "-".</summary>
    public required string Permission { get; init; }

    /// <summary>The offending source or destination ("0.0.0.0/0", a group or prefix-list id), or "-".</summary>
    public required string Source { get; init; }

    /// <summary>Why the evidence fails the rule ("covers port 22").</summary>
    public required string Detail { get; init; }

    /// <summary>"ingress", "egress" or null.</summary>
    public string? Direction { get; init; }

    /// <summary>"tcp", "udp", "icmp", "all", a protocol number, or null.</summary>
    public string? Protocol { get; init; }

    /// <summary>"22" or "1000-2000", or null.</summary>
    public string? Ports { get; init; }

    public int? AclRuleNumber { get; init; }

    /// <summary>Versioned labels of the framework controls the rule evidences ("CIS AWS Foundations v3.0.0 5.2").</summary>
    public required ImmutableArray<string> Controls { get; init; }

    /// <summary>Stable across scans; the same value SARIF uses (without its ":1").</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The evidence's key within its resource (<see cref="Core.Rules.Evidence.Key"/>): which permission, source or ACL entry.</summary>
    public required string EvidenceKey { get; init; }

    /// <summary>Who last changed the group (CloudTrail); null for network ACLs and when attribution did not run.</summary>
    public AttributionView? Attribution { get; init; }

    /// <summary>The suppression that covers it; null when none does (it counts for the gate).</summary>
    public SuppressionView? Suppression { get; init; }
    /// <summary>"new" or "unchanged" against the --baseline report; null without a baseline.</summary>
    public string? Baseline { get; init; }

    /// <summary>"New" or "Unchanged"; null without a baseline.</summary>
    public string? BaselineText { get; init; }
}
