using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Groups whose name matches one of the glob patterns: <c>*</c> is any run of characters (also none), <c>?</c> is
/// exactly one; everything else, case included, must match as is (AWS group names are case-sensitive).
/// </summary>
public sealed class GroupNamePatternEvaluator : IRuleEvaluator
{
    public string Family => "group-name-pattern";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["patterns"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var patterns = parameters.GetStrings("patterns");
        var details = patterns.Select(p => $"its name matches {p}").ToImmutableArray(); // once per rule, not per group

        foreach (var group in region.Inventory.SecurityGroups)
        {
            ImmutableArray<Evidence> violations = [];
            for (var i = 0; i < patterns.Length; i++)
            {
                if (Glob.IsMatch(group.Name, patterns[i]))
                {
                    violations = [Evidence.ForResource(details[i])]; // the first matching pattern names the finding
                    break;
                }
            }

            yield return ResourceVerdict.For(group, violations);
        }
    }
}
