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

    IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters);
}
