using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Outbound permissions that allow all traffic (-1) to 0.0.0.0/0 or ::/0. With <c>scopeTags</c>, only groups
/// carrying a matching tag are evaluated; the others get no verdict at all (the rule does not apply to them).
/// </summary>
public sealed class WorldEgressAllTrafficEvaluator : IRuleEvaluator
{
    private const string IPv4Detail = "unrestricted outbound access to the IPv4 internet";
    private const string IPv6Detail = "unrestricted outbound access to the IPv6 internet";

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

            ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
            foreach (var permission in group.Egress)
            {
                if (!permission.Protocol.IsAll || !families.HasWorldSourceInScope(permission))
                {
                    continue;
                }

                foreach (var destination in permission.Sources)
                {
                    if (families.IsWorldSourceInScope(destination))
                    {
                        var detail = destination is CidrSource { IsIPv6: true } ? IPv6Detail : IPv4Detail;
                        (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, destination, detail));
                    }
                }
            }

            yield return ResourceVerdict.For(group, violations?.ToImmutable() ?? []);
        }
    }
}
