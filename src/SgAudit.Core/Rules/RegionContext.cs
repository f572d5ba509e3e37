using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// One region's inventory plus indexes several rules need (which groups network interfaces use, which groups
/// other groups reference), computed once per region and shared by every rule, and the directory of every scanned
/// region's group ids, shared by all regions. The engine may hand a rule a slice of the region: then
/// <see cref="Inventory"/> lists only that slice of the resources the rule reports on, and everything else (the other
/// parts, these indexes) is still the whole region's.
/// </summary>
public sealed class RegionContext
{
    // Hash sets, not frozen sets: each is built once per evaluation and looked up about once per group, and analysing
    // 100,000 ids for a frozen set cost more than those lookups save.
    private readonly Lazy<HashSet<string>> _groupsOnInterfaces;
    private readonly Lazy<HashSet<string>> _groupsReferencedByOtherGroupsIngress;

    /// <summary>A region on its own: the directory knows this region's groups only.</summary>
    /// <param name="inventory">The region.</param>
    public RegionContext(RegionInventory inventory)
        : this(inventory, new GroupDirectory([inventory]))
    {
    }

    /// <summary>A region of a scan whose regions share <paramref name="groups"/>.</summary>
    /// <param name="inventory">The region.</param>
    /// <param name="groups">The group ids of every region of the scan.</param>
    public RegionContext(RegionInventory inventory, GroupDirectory groups)
    {
        Inventory = inventory;
        Groups = groups;
        _groupsOnInterfaces = new(() => inventory.NetworkInterfaces.SelectMany(eni => eni.GroupIds).ToHashSet(StringComparer.Ordinal));
        _groupsReferencedByOtherGroupsIngress = new(() => ComputeIngressReferences(inventory));
    }

    private RegionContext(RegionInventory slice, RegionContext whole)
    {
        Inventory = slice;
        Groups = whole.Groups;
        _groupsOnInterfaces = whole._groupsOnInterfaces;
        _groupsReferencedByOtherGroupsIngress = whole._groupsReferencedByOtherGroupsIngress;
    }

    /// <summary>
    /// The region, or a slice of it: the resources of the kind the rule reports on may be only some of the region's. A
    /// rule that relates one resource to others of its kind asks this context's indexes, which cover the whole region.
    /// </summary>
    public RegionInventory Inventory { get; }

    /// <summary>The group ids of every (account, region) of the scan, this one included when its groups were read.</summary>
    public GroupDirectory Groups { get; }

    /// <summary>Group ids listed in any network interface's Groups, whatever the interface's type or status.</summary>
    public IReadOnlySet<string> GroupsOnInterfaces => _groupsOnInterfaces.Value;

    /// <summary>Group ids that another group's inbound permission references (self-references excluded).</summary>
    public IReadOnlySet<string> GroupsReferencedByOtherGroupsIngress => _groupsReferencedByOtherGroupsIngress.Value;

    /// <summary>This context with only <paramref name="slice"/> of its security groups to evaluate; the indexes stay the whole region's.</summary>
    /// <param name="slice">Some of the region's groups.</param>
    internal RegionContext WithSecurityGroups(ImmutableArray<SecurityGroup> slice) => new(Inventory with { SecurityGroups = slice }, this);

    /// <summary>This context with only <paramref name="slice"/> of its network ACLs to evaluate; the indexes stay the whole region's.</summary>
    /// <param name="slice">Some of the region's network ACLs.</param>
    internal RegionContext WithNetworkAcls(ImmutableArray<NetworkAcl> slice) => new(Inventory with { NetworkAcls = slice }, this);

    private static HashSet<string> ComputeIngressReferences(RegionInventory inventory)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in inventory.SecurityGroups)
        {
            foreach (var permission in group.Ingress)
            {
                foreach (var source in permission.Sources)
                {
                    if (source is GroupReferenceSource reference && !string.Equals(reference.GroupId, group.Id, StringComparison.Ordinal))
                    {
                        referenced.Add(reference.GroupId);
                    }
                }
            }
        }

        return referenced;
    }
}
