using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Groups with more permission entries than the threshold, counted per direction (as Prowler and AWS's
/// per-direction quota do) or in total. Entries are IpPermissions, not the CIDRs or groups inside them.
/// </summary>
public sealed class PermissionCountEvaluator : IRuleEvaluator
{
    public const string PerDirection = "per-direction";
    public const string Total = "total";

    public string Family => "permission-count";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["threshold", "counting"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var threshold = parameters.GetInteger("threshold");
        var perDirection = parameters.GetChoice("counting") == PerDirection;

        foreach (var group in region.Inventory.SecurityGroups)
        {
            int inbound = group.Ingress.Length, outbound = group.Egress.Length;
            ImmutableArray<Evidence> violations;
            if (perDirection)
            {
                violations = (inbound > threshold, outbound > threshold) switch
                {
                    (false, false) => [],
                    (true, false) => [DirectionEvidence(Direction.Ingress, inbound, threshold)],
                    (false, true) => [DirectionEvidence(Direction.Egress, outbound, threshold)],
                    (true, true) => [DirectionEvidence(Direction.Ingress, inbound, threshold), DirectionEvidence(Direction.Egress, outbound, threshold)],
                };
            }
            else
            {
                violations = inbound + outbound > threshold
                    ? [Evidence.ForResource(string.Create(CultureInfo.InvariantCulture, $"{inbound} inbound + {outbound} outbound = {inbound + outbound} permission entries, more than {threshold}"))]
                    : [];
            }

            yield return ResourceVerdict.For(group, violations);
        }
    }

    // The direction is part of the evidence key: a group over the threshold both ways has two distinct findings.
    private static Evidence DirectionEvidence(Direction direction, int count, int threshold) => new(
        "-",
        "-",
        string.Create(CultureInfo.InvariantCulture, $"{count} {(direction == Direction.Ingress ? "inbound" : "outbound")} permission entries, more than {threshold}"),
        direction);
}
