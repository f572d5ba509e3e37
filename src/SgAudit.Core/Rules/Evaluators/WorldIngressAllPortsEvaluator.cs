using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>Inbound permissions from a world source that open everything: protocol -1, or tcp/udp exactly 0-65535.</summary>
public sealed class WorldIngressAllPortsEvaluator : IRuleEvaluator
{
    public string Family => "world-ingress-all-ports";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["addressFamilies"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var families = AddressFamilies.From(parameters.GetChoices("addressFamilies"));
        foreach (var group in region.Inventory.SecurityGroups)
        {
            ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
            foreach (var permission in group.Ingress)
            {
                var opensEverything = permission.Protocol.IsAll || permission.Ports is { IsAllPorts: true };
                if (!opensEverything || !families.HasWorldSourceInScope(permission))
                {
                    continue;
                }

                foreach (var source in permission.Sources)
                {
                    if (families.IsWorldSourceInScope(source))
                    {
                        (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, source, permission.Protocol.IsAll ? "opens every protocol and port" : "opens every port"));
                    }
                }
            }

            yield return ResourceVerdict.For(group, violations?.ToImmutable() ?? []);
        }
    }
}
