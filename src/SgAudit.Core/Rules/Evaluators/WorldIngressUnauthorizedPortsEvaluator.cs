using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Inbound permissions from a world source that reach a port outside the authorized lists (Security Hub EC2.18):
/// tcp and udp are compared with their own list, -1 always fails (it covers every port of every protocol), and
/// protocols without ports (ICMP, ESP, GRE…) are out of scope.
/// </summary>
public sealed class WorldIngressUnauthorizedPortsEvaluator : IRuleEvaluator
{
    private const string AllTraffic = "opens every protocol and port";

    public string Family => "world-ingress-unauthorized-ports";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["authorizedTcpPorts", "authorizedUdpPorts", "addressFamilies"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var authorizedTcp = parameters.GetPorts("authorizedTcpPorts");
        var authorizedUdp = parameters.GetPorts("authorizedUdpPorts");
        var families = AddressFamilies.From(parameters.GetChoices("addressFamilies"));

        foreach (var group in region.Inventory.SecurityGroups)
        {
            var violations = WorldSourceEvidence.Collect(group.Ingress, families, (authorizedTcp, authorizedUdp), static (permission, state) =>
                UnauthorizedDetail(permission, state.authorizedTcp, state.authorizedUdp));
            yield return ResourceVerdict.For(group, violations);
        }
    }

    /// <summary>What the permission opens beyond the authorized ports, or null when it opens nothing more.</summary>
    private static string? UnauthorizedDetail(Permission permission, PortSet authorizedTcp, PortSet authorizedUdp)
    {
        if (permission.Protocol.IsAll)
        {
            return AllTraffic;
        }

        if (permission.Ports is not { } range)
        {
            return null; // ICMP and protocols without ports
        }

        var authorized = permission.Protocol.IsTcp ? authorizedTcp : authorizedUdp;
        if (authorized.ContainsAll(range))
        {
            return null;
        }

        var unauthorized = authorized.Outside(range);
        var plural = unauthorized.Length > 1 || unauthorized[0].From != unauthorized[0].To;
        return $"covers unauthorized {(plural ? "ports" : "port")} {PortSet.Describe(unauthorized)}";
    }
}
