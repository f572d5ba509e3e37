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
            var violations = WorldSourceEvidence.Collect(group.Ingress, families, 0, static (permission, _) =>
                permission.Protocol.IsAll ? "opens every protocol and port" : permission.Ports is { IsAllPorts: true } ? "opens every port" : null);
            yield return ResourceVerdict.For(group, violations);
        }
    }
}
