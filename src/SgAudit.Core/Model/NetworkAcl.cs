using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>A network ACL with its entries and subnet associations.</summary>
public sealed record NetworkAcl(string Id)
{
    public string? VpcId { get; init; }
    public bool IsDefault { get; init; }
    public string? OwnerId { get; init; }
    public ImmutableArray<NetworkAclEntry> Entries { get; init; } = [];
    public ImmutableArray<string> SubnetIds { get; init; } = [];
    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
