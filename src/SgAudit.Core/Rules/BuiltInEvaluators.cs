using System.Collections.Frozen;
using SgAudit.Core.Rules.Evaluators;

namespace SgAudit.Core.Rules;

/// <summary>The explicit registry of evaluator families: no reflection scanning, no registration side effects.</summary>
public static class BuiltInEvaluators
{
    public static FrozenDictionary<string, IRuleEvaluator> All { get; } = new IRuleEvaluator[]
    {
        new WorldIngressPortsEvaluator(),
        new WorldIngressAllPortsEvaluator(),
        new DefaultGroupTrafficEvaluator(),
        new UnusedGroupEvaluator(),
        new WidePortRangeEvaluator(),
        new NaclWorldIngressPortsEvaluator(),
        new WorldIngressUnauthorizedPortsEvaluator(),
        new WorldEgressAllTrafficEvaluator(),
        new StaleGroupReferenceEvaluator(),
        new PermissionCountEvaluator(),
        new GroupNamePatternEvaluator(),
        new NearWorldSourceEvaluator(),
    }.ToFrozenDictionary(e => e.Family, StringComparer.Ordinal);
}
