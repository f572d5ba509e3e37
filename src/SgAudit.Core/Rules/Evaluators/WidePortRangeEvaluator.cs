using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>Inbound tcp/udp permissions, from any source, whose ToPort − FromPort exceeds the threshold. -1 and ICMP are not ranges.</summary>
public sealed class WidePortRangeEvaluator : IRuleEvaluator
{
    private static readonly TextCache<(int Span, int Threshold)> Details = new(4096);

    public string Family => "wide-port-range";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["threshold"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var threshold = parameters.GetInteger("threshold");
        foreach (var group in region.Inventory.SecurityGroups)
        {
            ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
            foreach (var permission in group.Ingress)
            {
                if (!permission.Protocol.HasPorts || permission.Ports is not { } range || range.Span <= threshold)
                {
                    continue;
                }

                var detail = Details.GetOrAdd((range.Span, threshold), 0, static (key, _) =>
                    string.Create(CultureInfo.InvariantCulture, $"spans {key.Span + 1} ports (threshold {key.Threshold})"));
                if (permission.Sources.IsEmpty)
                {
                    (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, null, detail));
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
