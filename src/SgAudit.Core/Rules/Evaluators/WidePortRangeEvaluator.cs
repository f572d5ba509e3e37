using System.Collections.Immutable;
using SgAudit.Core.Model;
using System.Globalization;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>Inbound tcp/udp permissions, from any source, whose ToPort − FromPort exceeds the threshold. -1 and ICMP are not ranges.</summary>
public sealed class WidePortRangeEvaluator : IRuleEvaluator
{
    public string Family => "wide-port-range";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["threshold"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var threshold = parameters.GetInteger("threshold");
        foreach (var group in region.Inventory.SecurityGroups)
        {
            var violations = ImmutableArray.CreateBuilder<Evidence>();
            foreach (var permission in group.Ingress)
            {
                if (!permission.Protocol.HasPorts || permission.Ports is not { } range || range.Span <= threshold)
                {
                    continue;
                }

                var detail = string.Create(CultureInfo.InvariantCulture, $"spans {range.Span + 1} ports (threshold {threshold})");
                if (permission.Sources.IsEmpty)
                {
                    violations.Add(Evidence.ForPermission(permission, null, detail));
                }

                foreach (var source in permission.Sources)
                {
                    violations.Add(Evidence.ForPermission(permission, source, detail));
                }
            }

            yield return ResourceVerdict.For(group, violations.ToImmutable());
        }
    }
}
