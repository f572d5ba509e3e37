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

        // Many controls (the same control in each framework version) map to the same rules: count each distinct set of
        // rules' failing resources once instead of rebuilding the union for every control.
        var failingCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<ControlResult>();
        foreach (var framework in catalog.Frameworks)
        {
            foreach (var control in framework.Controls)
            {
                var ruleSet = string.Join('\n', control.RuleIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                if (!failingCounts.TryGetValue(ruleSet, out var failingCount))
                {
                    failingCount = CountFailing(control.RuleIds, failingByRule);
                    failingCounts.Add(ruleSet, failingCount);
                }

                var skipped = control.RuleIds.Where(id => !ran.Contains(id)).ToList();
                var result = failingCount > 0
                    ? new ControlResult(framework, control, ComplianceStatus.Fail, failingCount)
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

    /// <summary>Distinct (account, region, resource) triples that fail any of the rules.</summary>
    private static int CountFailing(ImmutableArray<string> ruleIds, Dictionary<string, HashSet<(string, string, string)>> failingByRule)
    {
        var present = ruleIds.Distinct(StringComparer.Ordinal).Where(failingByRule.ContainsKey).ToList();
        if (present.Count == 1)
        {
            return failingByRule[present[0]].Count; // the common case: no union to build
        }

        var failing = new HashSet<(string, string, string)>();
        foreach (var ruleId in present)
        {
            failing.UnionWith(failingByRule[ruleId]);
        }

        return failing.Count;
    }
}
