using System.Collections.Immutable;
using SgAudit.Core.Compliance;

namespace SgAudit.Core.Rules;

/// <summary>Every rule definition and compliance framework SgAudit knows, loaded from the rules/ data.</summary>
public sealed record RuleCatalog(ImmutableArray<RuleDefinition> Rules, ImmutableArray<ComplianceFramework> Frameworks)
{
    /// <summary>Rules deliberately left out of every framework, with the reason (rules/compliance/unmapped.json).</summary>
    public ImmutableDictionary<string, string> UnmappedReasons { get; init; } = ImmutableDictionary<string, string>.Empty;

    public RuleDefinition? Find(string ruleId) => Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every framework control a rule evidences, as (framework, control) pairs in catalogue order.</summary>
    public IEnumerable<(ComplianceFramework Framework, ComplianceControl Control)> ControlsFor(string ruleId) =>
        from framework in Frameworks
        from control in framework.Controls
        where control.RuleIds.Contains(ruleId)
        select (framework, control);
}
