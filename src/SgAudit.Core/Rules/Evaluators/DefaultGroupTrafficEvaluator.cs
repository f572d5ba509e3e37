using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// A VPC's default group must have no inbound and no outbound permission at all: self-references and the
/// stock allow-all egress count, so a freshly created default group fails.
/// </summary>
public sealed class DefaultGroupTrafficEvaluator : IRuleEvaluator
{
    public string Family => "default-group-traffic";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = [];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        foreach (var group in region.Inventory.SecurityGroups)
        {
            if (!group.IsDefault)
            {
                continue;
            }

            ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
            foreach (var permission in group.Ingress.Concat(group.Egress))
            {
                var detail = permission.Direction == Direction.Ingress ? "inbound permission on the default group" : "outbound permission on the default group";
                if (permission.Sources.IsEmpty)
                {
                    (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, null, detail));
                    continue;
                }

                foreach (var source in permission.Sources)
                {
                    (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, source, detail));
                }
            }

            yield return ResourceVerdict.For(group, violations?.ToImmutable() ?? []);
        }
    }
}
