using System.Collections.Immutable;
using SgAudit.Core.Compliance;

namespace SgAudit.Core.Rules;

/// <summary>Every rule definition and compliance framework SgAudit knows, loaded from the rules/ data.</summary>
public sealed record RuleCatalog(ImmutableArray<RuleDefinition> Rules, ImmutableArray<ComplianceFramework> Frameworks)
{
    /// <summary>Rules deliberately left out of every framework, with the reason (rules/compliance/unmapped.json).</summary>
    public ImmutableDictionary<string, string> UnmappedReasons { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The evaluator families (rules/families/), which built-in and custom rules instantiate.</summary>
    public ImmutableArray<RuleFamily> Families { get; init; } = [];

    public RuleDefinition? Find(string ruleId) => Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.OrdinalIgnoreCase));

    public RuleFamily? FindFamily(string name) => Families.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Every framework control a rule evidences, as (framework, control) pairs in catalogue order.</summary>
    public IEnumerable<(ComplianceFramework Framework, ComplianceControl Control)> ControlsFor(string ruleId) =>
        from framework in Frameworks
        from control in framework.Controls
        where control.RuleIds.Contains(ruleId)
        select (framework, control);

    /// <summary>This catalogue plus rules declared in a config file; they map to no framework control, and say so.</summary>
    public RuleCatalog WithCustomRules(IReadOnlyCollection<RuleDefinition> custom)
    {
        if (custom.Count == 0)
        {
            return this;
        }

        return this with
        {
            Rules = [.. Rules.Concat(custom).OrderBy(r => r.Id, StringComparer.Ordinal)],
            UnmappedReasons = UnmappedReasons.SetItems(custom.Select(r => KeyValuePair.Create(r.Id, $"Custom rule declared in {r.Origin ?? "the config file"}; it maps to no framework control."))),
        };
    }
}
