using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// One rule of a security group (a permission with one of its sources) or one network ACL entry, as the resource
/// card lists them; <see cref="Offending"/> when a finding names it. Source and description are account data.
/// </summary>
public sealed record GroupRuleView
{
    /// <summary>"ingress" or "egress".</summary>
    public required string Direction { get; init; }

    /// <summary>"tcp 22", "all traffic", …</summary>
    public required string Permission { get; init; }

    /// <summary>The CIDR, group or prefix-list id ("any source" when the permission names none).</summary>
    public required string Source { get; init; }

    /// <summary>The source's own description (security groups).</summary>
    public string? Description { get; init; }

    /// <summary>The entry's number (network ACLs).</summary>
    public int? RuleNumber { get; init; }

    /// <summary>"allow" or "deny" (network ACLs).</summary>
    public string? Action { get; init; }

    public required bool Offending { get; init; }

    /// <summary>The AWS CLI command that removes this rule, when it is offending (security groups).</summary>
    public string? Fix { get; init; }
    public required ImmutableArray<GroupRuleFindingView> Findings { get; init; }
}
