using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// A non-default group that no network interface lists (any interface type or status counts as use). With
/// <c>referencedCountsAsUse</c>, another group's inbound reference also counts; self-references never do.
/// </summary>
public sealed class UnusedGroupEvaluator : IRuleEvaluator
{
    public string Family => "unused-group";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["referencedCountsAsUse"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups, InventoryPart.NetworkInterfaces];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var referencedCountsAsUse = parameters.GetBoolean("referencedCountsAsUse");
        foreach (var group in region.Inventory.SecurityGroups)
        {
            if (group.IsDefault)
            {
                continue;
            }

            var used = region.GroupsOnInterfaces.Contains(group.Id)
                || (referencedCountsAsUse && region.GroupsReferencedByOtherGroupsIngress.Contains(group.Id));
            ImmutableArray<Evidence> violations = used
                ? []
                : [Evidence.ForResource(referencedCountsAsUse
                    ? "no network interface uses it and no other group's inbound rule references it"
                    : "no network interface uses it")];
            yield return ResourceVerdict.For(group, violations);
        }
    }
}
