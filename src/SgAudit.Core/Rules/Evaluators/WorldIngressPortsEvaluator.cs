using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Inbound permissions from a world source (0.0.0.0/0, ::/0) that cover any of the listed ports over the listed
/// protocols; -1 covers every port. One family for admin ports, SSH, RDP and the high-risk list.
/// </summary>
public sealed class WorldIngressPortsEvaluator : IRuleEvaluator
{
    public string Family => "world-ingress-ports";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["ports", "protocols", "addressFamilies"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var ports = parameters.GetPorts("ports");
        var protocols = parameters.GetProtocols("protocols");
        var families = AddressFamilies.From(parameters.GetChoices("addressFamilies"));

        foreach (var group in region.Inventory.SecurityGroups)
        {
            var violations = WorldSourceEvidence.Collect(group.Ingress, families, (ports, protocols), static (permission, state) =>
                CoveredPorts(permission, state.ports, state.protocols) is { Length: > 0 } covered ? $"covers port {covered}" : null);
            yield return ResourceVerdict.For(group, violations);
        }
    }

    /// <summary>The listed ports the permission covers ("22, 3389", "27017-27019"); empty when none.</summary>
    private static string CoveredPorts(Permission permission, PortSet ports, ProtocolSet protocols)
    {
        if (permission.Protocol.IsAll)
        {
            return ports.ToString();
        }

        // Checked before anything is built: most world permissions (80, 443) cover none of the listed ports.
        return permission.Ports is { } range && protocols.Contains(permission.Protocol) && ports.Overlaps(range)
            ? PortSet.Describe(ports.Within(range))
            : "";
    }
}
