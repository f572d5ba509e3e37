using System.Collections.Immutable;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Compliance;

/// <summary>
/// Derives control status from rule outcomes: fail if any mapped rule failed on any resource; otherwise not
/// assessed if no rule maps to it, a mapped rule did not run or a scope could not be read; otherwise pass.
/// </summary>
public static class ComplianceEvaluator
{
    public static ImmutableArray<ControlResult> Evaluate(RuleCatalog catalog, ImmutableArray<ResolvedRule> rules, ImmutableArray<ResourceOutcome> outcomes, ImmutableArray<RuleGap> gaps)
    {
        var ran = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var gapRules = gaps.Select(g => g.RuleId).ToHashSet(StringComparer.Ordinal);
        var failingByRule = outcomes.Where(o => !o.Passed)
            .GroupBy(o => o.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => (o.AccountId, o.Region, o.ResourceId)).ToHashSet(), StringComparer.Ordinal);

        var results = ImmutableArray.CreateBuilder<ControlResult>();
        foreach (var framework in catalog.Frameworks)
        {
            foreach (var control in framework.Controls)
            {
                var failing = new HashSet<(string, string, string)>();
                foreach (var ruleId in control.RuleIds)
                {
                    if (failingByRule.TryGetValue(ruleId, out var resources))
                    {
                        failing.UnionWith(resources);
                    }
                }

                var skipped = control.RuleIds.Where(id => !ran.Contains(id)).ToList();
                var result = failing.Count > 0
                    ? new ControlResult(framework, control, ComplianceStatus.Fail, failing.Count)
                    : control.RuleIds.IsEmpty
                        ? new ControlResult(framework, control, ComplianceStatus.NotAssessed, 0) { Reason = "no SgAudit rule evaluates this control yet" }
                    : skipped.Count > 0
                        ? new ControlResult(framework, control, ComplianceStatus.NotAssessed, 0) { Reason = $"{string.Join(", ", skipped)} disabled" }
                        : control.RuleIds.Any(gapRules.Contains)
                            ? new ControlResult(framework, control, ComplianceStatus.NotAssessed, 0) { Reason = "part of the scan scope could not be assessed" }
                            : new ControlResult(framework, control, ComplianceStatus.Pass, 0);
                results.Add(result);
            }
        }

        return results.ToImmutable();
    }
}
