using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Resources [Start, Start + Length) of one kind in one region: what one task evaluates every rule over.</summary>
/// <param name="Region">The region's index in the inventory.</param>
/// <param name="Kind">Groups or network ACLs.</param>
/// <param name="Start">The first resource, in the region's id order.</param>
/// <param name="Length">How many resources.</param>
internal readonly record struct EvaluationSlice(int Region, ResourceKind Kind, int Start, int Length)
{
    /// <summary>The slice's position among the region's slices of this kind.</summary>
    public int Index => Start / RuleEngine.SliceSize;
}
