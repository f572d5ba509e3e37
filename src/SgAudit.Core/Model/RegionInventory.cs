using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>Everything collected from one region of one account.</summary>
public sealed record RegionInventory(string AccountId, string Region)
{
    public ImmutableArray<Vpc> Vpcs { get; init; } = [];
    public ImmutableArray<SecurityGroup> SecurityGroups { get; init; } = [];
    public ImmutableArray<NetworkInterface> NetworkInterfaces { get; init; } = [];
    public ImmutableArray<NetworkAcl> NetworkAcls { get; init; } = [];

    /// <summary>Parts the input did not provide (e.g. an export folder without describe-network-acls.json). Empty is not the same as missing.</summary>
    public ImmutableArray<InventoryPart> MissingParts { get; init; } = [];
}
