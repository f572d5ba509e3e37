using System.Collections.Immutable;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Suppressions;

/// <summary>The suppressions the inventory's resources carry in <see cref="SuppressionTag.Key"/> tags, valid and invalid.</summary>
/// <param name="Valid">Suppressions read from tags, ordered by account, region and resource id.</param>
/// <param name="Invalid">Tags that could not be read, in the same order.</param>
public sealed record TagSuppressions(ImmutableArray<Suppression> Valid, ImmutableArray<InvalidSuppression> Invalid)
{
    public static TagSuppressions Empty { get; } = new([], []);

    /// <summary>Reads every security group's and network ACL's suppression tags.</summary>
    /// <param name="inventory">The scanned inventory.</param>
    /// <param name="ruleIds">The rule ids the scan knows.</param>
    public static TagSuppressions Collect(Inventory inventory, IReadOnlySet<string> ruleIds)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var found = new List<(string Account, string Region, string ResourceId, int Order, Suppression? Valid, InvalidSuppression? Invalid)>();
        foreach (var region in inventory.Regions)
        {
            foreach (var group in region.SecurityGroups)
            {
                Read(region, ResourceKind.SecurityGroup, group.Id, group.Tags, ruleIds, found);
            }

            foreach (var acl in region.NetworkAcls)
            {
                Read(region, ResourceKind.NetworkAcl, acl.Id, acl.Tags, ruleIds, found);
            }
        }

        if (found.Count == 0)
        {
            return Empty;
        }

        var ordered = found
            .OrderBy(f => f.Account, StringComparer.Ordinal)
            .ThenBy(f => f.Region, StringComparer.Ordinal)
            .ThenBy(f => f.ResourceId, StringComparer.Ordinal)
            .ThenBy(f => f.Order)
            .ToList();
        return new TagSuppressions(
            [.. ordered.Where(f => f.Valid is not null).Select(f => f.Valid!)],
            [.. ordered.Where(f => f.Invalid is not null).Select(f => f.Invalid!)]);
    }

    private static void Read(
        RegionInventory region,
        ResourceKind kind,
        string resourceId,
        ImmutableArray<ResourceTag> tags,
        IReadOnlySet<string> ruleIds,
        List<(string, string, string, int, Suppression?, InvalidSuppression?)> found)
    {
        foreach (var tag in tags)
        {
            var isKey = SuppressionTag.IsKey(tag.Key);
            if (!isKey && !SuppressionTag.IsMisspelledKey(tag.Key))
            {
                continue;
            }

            var source = SuppressionSource.Tag(region.AccountId, region.Region, kind, resourceId);
            if (!isKey)
            {
                found.Add((region.AccountId, region.Region, resourceId, found.Count, null,
                    new InvalidSuppression(source, tag.Value, $"the tag key must be exactly '{SuppressionTag.Key}' (lower case)")));
            }
            else if (SuppressionTag.TryParse(tag.Value, source, ruleIds, out var suppression, out var problem))
            {
                found.Add((region.AccountId, region.Region, resourceId, found.Count, suppression, null));
            }
            else
            {
                found.Add((region.AccountId, region.Region, resourceId, found.Count, null, new InvalidSuppression(source, tag.Value, problem)));
            }
        }
    }
}
