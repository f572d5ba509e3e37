using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// The logic of one rule family. Implementations are sealed and stateless: everything they need arrives as the
/// region and the rule's resolved parameters, and they yield a verdict for every resource the rule applies to.
/// </summary>
public interface IRuleEvaluator
{
    /// <summary>The name rule.json files use in <c>implementation</c>.</summary>
    string Family { get; }

    /// <summary>The resource kind this family reports on.</summary>
    ResourceKind ResourceKind { get; }

    /// <summary>The parameters this family reads; a rule of this family declares exactly these.</summary>
    ImmutableArray<string> ParameterNames { get; }

    /// <summary>The inventory parts a verdict depends on; where one is missing the rule is not assessed, never passed.</summary>
    ImmutableArray<InventoryPart> RequiredParts { get; }

    /// <summary>
    /// A verdict for each resource of <see cref="ResourceKind"/> in <c>region.Inventory</c> that the rule applies to, at
    /// most one each, in the order they are listed there. The list may be a slice of the region (the engine evaluates
    /// every rule over one slice while it is in the cache); relations to other resources go through the context's
    /// indexes, which cover the whole region.
    /// </summary>
    /// <param name="region">The region, or a slice of it, and the region-wide indexes.</param>
    /// <param name="parameters">The rule's resolved parameters.</param>
    IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters);
}
