using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>A VPC security group with its inbound and outbound permissions.</summary>
public sealed record SecurityGroup(string Id, string Name, string OwnerId)
{
    public string Description { get; init; } = "";
    public string? VpcId { get; init; }
    public string? Arn { get; init; }
    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
    public ImmutableArray<Permission> Ingress { get; init; } = [];
    public ImmutableArray<Permission> Egress { get; init; } = [];

    /// <summary>EC2 names every VPC's default group "default" and no other group may take that name.</summary>
    public bool IsDefault => string.Equals(Name, "default", StringComparison.Ordinal);
}
