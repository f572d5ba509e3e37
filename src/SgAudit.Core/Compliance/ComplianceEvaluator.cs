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
    public static ImmutableArray<ControlResult> Evaluate(RuleCatalog catalog, ImmutableArray<ResolvedRule> rules, ResourceOutcomes outcomes, ImmutableArray<RuleGap> gaps)
    {
        var ran = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var gapsByRule = gaps.ToLookup(g => g.RuleId, StringComparer.Ordinal);
        var failingByRule = FailingResourcesByRule(outcomes);

        // Many controls (the same control in each framework version) map to the same rules: count each distinct set of
        // rules' failing resources once instead of rebuilding the union for every control.
        var failingCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<ControlResult>();
        foreach (var framework in catalog.Frameworks)
        {
            foreach (var control in framework.Controls)
            {
                var ruleIds = control.RuleIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var ruleSet = string.Join('\n', ruleIds);
                if (!failingCounts.TryGetValue(ruleSet, out var failingCount))
                {
                    failingCount = CountFailing(ruleIds, failingByRule);
                    failingCounts.Add(ruleSet, failingCount);
                }

                var skipped = control.RuleIds.Where(id => !ran.Contains(id)).ToList();
                var result = failingCount > 0
                    ? new ControlResult(framework, control, ComplianceStatus.Fail, failingCount)
                    : control.RuleIds.IsEmpty
                        ? new ControlResult(framework, control, ComplianceStatus.NotAssessed, 0) { Reason = "no SgAudit rule evaluates this control yet" }
                    : skipped.Count > 0
                        ? new ControlResult(framework, control, ComplianceStatus.NotAssessed, 0) { Reason = $"{string.Join(", ", skipped)} disabled" }
                        : control.RuleIds.Any(gapsByRule.Contains)
                            ? new ControlResult(framework, control, ComplianceStatus.NotAssessed, 0) { Reason = GapReason(control.RuleIds, gapsByRule) }
                            : new ControlResult(framework, control, ComplianceStatus.Pass, 0);
                results.Add(result);
            }
        }

        return results.ToImmutable();
    }

    /// <summary>Which rule could not be assessed where, and why: "SGA010 not assessed in 111122223333/us-east-1: …".</summary>
    private static string GapReason(ImmutableArray<string> ruleIds, ILookup<string, RuleGap> gapsByRule)
    {
        var gaps = ruleIds.Distinct(StringComparer.Ordinal).SelectMany(id => gapsByRule[id]).ToList();
        var first = gaps[0];
        var more = gaps.Count > 1 ? $" (and {gaps.Count - 1} more)" : "";
        return $"{first.RuleId} not assessed in {first.AccountId}/{first.Region ?? "every region"}: {first.Reason}{more}";
    }

    /// <summary>Rule → (account, region) → ids of the resources failing it.</summary>
    private static Dictionary<string, Dictionary<(string AccountId, string Region), HashSet<string>>> FailingResourcesByRule(ResourceOutcomes outcomes)
    {
        var byRule = new Dictionary<string, Dictionary<(string, string), HashSet<string>>>(StringComparer.Ordinal);
        foreach (var list in outcomes.ByRuleAndScope)
        {
            HashSet<string>? failing = null;
            foreach (var resourceId in list.FailingResourceIds)
            {
                if (failing is null)
                {
                    if (!byRule.TryGetValue(list.RuleId, out var byScope))
                    {
                        byRule.Add(list.RuleId, byScope = []);
                    }

                    if (!byScope.TryGetValue((list.AccountId, list.Region), out failing))
                    {
                        byScope.Add((list.AccountId, list.Region), failing = new HashSet<string>(StringComparer.Ordinal));
                    }
                }

                failing.Add(resourceId);
            }
        }

        return byRule;
    }

    /// <summary>Distinct (account, region, resource) triples that fail any of the rules.</summary>
    /// <param name="ruleIds">Distinct rule ids.</param>
    /// <param name="failingByRule">Rule → scope → failing resource ids.</param>
    private static int CountFailing(List<string> ruleIds, Dictionary<string, Dictionary<(string AccountId, string Region), HashSet<string>>> failingByRule)
    {
        var present = ruleIds.Where(failingByRule.ContainsKey).Select(id => failingByRule[id]).ToList();
        if (present.Count == 1)
        {
            return present[0].Values.Sum(resources => resources.Count); // the common case: no union to build
        }

        var count = 0;
        foreach (var scope in present.SelectMany(byScope => byScope.Keys).Distinct())
        {
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var byScope in present)
            {
                if (byScope.TryGetValue(scope, out var resources))
                {
                    union.UnionWith(resources);
                }
            }

            count += union.Count;
        }

        return count;
    }
}
