using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>A VPC.</summary>
public sealed record Vpc(string Id)
{
    public bool IsDefault { get; init; }
    public string? CidrBlock { get; init; }
    public ImmutableArray<string> Ipv6CidrBlocks { get; init; } = [];
    public string? OwnerId { get; init; }
    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
