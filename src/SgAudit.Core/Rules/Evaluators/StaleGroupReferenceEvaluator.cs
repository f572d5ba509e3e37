using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Inbound or outbound permissions that reference a security group that no longer exists: the pair's peering
/// connection is deleted, or the group is missing from its account's groups in this region. A reference into an
/// account or region the scan did not read cannot be checked and does not fail.
/// </summary>
public sealed class StaleGroupReferenceEvaluator : IRuleEvaluator
{
    private const string DeletedPeering = "deleted";

    public string Family => "stale-group-reference";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = [];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var inventory = region.Inventory;
        region.Groups.TryGetGroupIds(inventory.AccountId, inventory.Region, out var ownGroupIds);

        foreach (var group in inventory.SecurityGroups)
        {
            ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
            Check(group.Ingress, region, ownGroupIds, ref violations);
            Check(group.Egress, region, ownGroupIds, ref violations);
            yield return ResourceVerdict.For(group, violations?.ToImmutable() ?? []);
        }
    }

    private static void Check(ImmutableArray<Permission> permissions, RegionContext region, IReadOnlySet<string> ownGroupIds, ref ImmutableArray<Evidence>.Builder? violations)
    {
        foreach (var permission in permissions)
        {
            if (!permission.HasGroupReferenceSource)
            {
                continue; // most permissions: their sources are not visited at all
            }

            foreach (var source in permission.Sources)
            {
                if (source is GroupReferenceSource reference && StaleDetail(reference, region, ownGroupIds) is { } detail)
                {
                    (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, source, detail));
                }
            }
        }
    }

    /// <summary>Why the reference is stale, or null when the group exists or cannot be checked.</summary>
    private static string? StaleDetail(GroupReferenceSource reference, RegionContext region, IReadOnlySet<string> ownGroupIds)
    {
        var inventory = region.Inventory;
        if (string.Equals(reference.PeeringStatus, DeletedPeering, StringComparison.Ordinal))
        {
            return reference.VpcPeeringConnectionId is { Length: > 0 } peering
                ? $"whose peering connection {peering} is deleted"
                : "whose peering connection is deleted";
        }

        var sameAccount = string.IsNullOrEmpty(reference.UserId) || string.Equals(reference.UserId, inventory.AccountId, StringComparison.Ordinal);
        if (sameAccount)
        {
            return ownGroupIds.Contains(reference.GroupId) ? null : $"which does not exist in account {inventory.AccountId}, {inventory.Region}";
        }

        // Another account: checkable only when the scan read that account's groups in this region too.
        return region.Groups.TryGetGroupIds(reference.UserId!, inventory.Region, out var theirGroupIds) && !theirGroupIds.Contains(reference.GroupId)
            ? $"which does not exist in account {reference.UserId}, {inventory.Region}"
            : null;
    }
}
