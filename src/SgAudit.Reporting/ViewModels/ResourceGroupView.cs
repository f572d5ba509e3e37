using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// The HTML report's card for one failing security group or network ACL: all its rules with the offending ones
/// marked, what it is attached to, who changed it last and how to fix it. Names, descriptions and tags are account data.
/// </summary>
public sealed record ResourceGroupView
{
    /// <summary>1-based, in card order; the card's anchor is <c>g-{Index}</c>.</summary>
    public required int Index { get; init; }

    /// <summary>"security group" or "network ACL".</summary>
    public required string ResourceKind { get; init; }

    public required bool IsSecurityGroup { get; init; }
    public required string ResourceId { get; init; }
    public required string ResourceName { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public string? VpcId { get; init; }

    /// <summary>The group's description; null for network ACLs or when the inventory no longer has the resource.</summary>
    public string? Description { get; init; }

    public required ImmutableArray<TagView> Tags { get; init; }

    /// <summary>The most severe finding's severity.</summary>
    public required string Severity { get; init; }

    public required int FindingCount { get; init; }

    /// <summary>How many of its findings a suppression covers.</summary>
    public int SuppressedCount { get; init; }

    /// <summary>Rule ids with findings on this resource, in id order.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }

    /// <summary>Every inbound then outbound rule (security groups) or entry (network ACLs).</summary>
    public required ImmutableArray<GroupRuleView> Rules { get; init; }

    /// <summary>Findings about the resource as a whole (e.g. unused), not about one of its rules.</summary>
    public required ImmutableArray<GroupRuleFindingView> ResourceFindings { get; init; }

    /// <summary>Network interfaces (security groups) or subnets (network ACLs).</summary>
    public required ImmutableArray<AttachmentView> Attachments { get; init; }

    /// <summary>Who last changed the group (CloudTrail); null for network ACLs and when attribution did not run.</summary>
    public AttributionView? Attribution { get; init; }

    public required ImmutableArray<GroupFixView> Fixes { get; init; }

    /// <summary>AWS CLI commands specific to this resource: revoke each offending rule, delete an unused group.</summary>
    public required ImmutableArray<string> Commands { get; init; }

    /// <summary>True when the report has few cards, so they start expanded.</summary>
    public required bool Open { get; init; }
}
