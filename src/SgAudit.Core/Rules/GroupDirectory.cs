using System.Collections.Frozen;
using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// The security group ids of every (account, region) the scan read completely enough to know its groups: what a
/// rule needs to tell a reference to a deleted group from one it cannot check. Built once per evaluation and
/// shared by every region; each region's id set is made on first use, so a scan without such a rule pays nothing.
/// </summary>
public sealed class GroupDirectory
{
    /// <summary>An id set for each region, a hash set: built once per evaluation, so a frozen set's analysis would not pay off.</summary>
    private readonly FrozenDictionary<(string AccountId, string Region), Lazy<HashSet<string>>> _groupIds;

    private static readonly HashSet<string> NoGroups = [];

    public GroupDirectory(IEnumerable<RegionInventory> regions)
    {
        // A region whose group list is missing knows nothing; the same (account, region) read twice adds up.
        _groupIds = regions
            .Where(r => !r.MissingParts.Contains(InventoryPart.SecurityGroups))
            .GroupBy(r => (r.AccountId, r.Region))
            .ToFrozenDictionary(
                g => g.Key,
                g =>
                {
                    var parts = g.ToImmutableArray();
                    return new Lazy<HashSet<string>>(() => parts.SelectMany(r => r.SecurityGroups).Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
                });
    }

    /// <summary>
    /// The group ids of <paramref name="accountId"/> in <paramref name="region"/>, or false when the scan did not
    /// read that account's groups there (then no reference into it can be checked).
    /// </summary>
    /// <param name="accountId">The account that owns the groups.</param>
    /// <param name="region">The region the groups are in.</param>
    /// <param name="groupIds">The ids, when the scan read them.</param>
    public bool TryGetGroupIds(string accountId, string region, out IReadOnlySet<string> groupIds)
    {
        if (_groupIds.TryGetValue((accountId, region), out var ids))
        {
            groupIds = ids.Value;
            return true;
        }

        groupIds = NoGroups;
        return false;
    }
}
