using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Outbound permissions that allow all traffic (-1) to 0.0.0.0/0 or ::/0. With <c>scopeTags</c>, only groups
/// carrying a matching tag are evaluated; the others get no verdict at all (the rule does not apply to them).
/// </summary>
public sealed class WorldEgressAllTrafficEvaluator : IRuleEvaluator
{
    public string Family => "world-egress-all-traffic";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["addressFamilies", "scopeTags"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var families = AddressFamilies.From(parameters.GetChoices("addressFamilies"));
        var scope = TagSelectors.From(parameters.GetStrings("scopeTags"));

        foreach (var group in region.Inventory.SecurityGroups)
        {
            if (!scope.IsEmpty && !scope.Matches(group.Tags))
            {
                continue; // out of scope: not applicable, which is not a pass
            }

            var violations = WorldSourceEvidence.Collect(group.Egress, families, 0, static (permission, _) =>
                permission.Protocol.IsAll ? "unrestricted outbound access to the internet" : null);
            yield return ResourceVerdict.For(group, violations);
        }
    }
}
