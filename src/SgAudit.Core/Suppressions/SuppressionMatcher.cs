using System.Collections.Immutable;
using SgAudit.Core.Engine;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// Applies suppressions to findings. Pure: the clock reading is a parameter. A finding covered by several
/// suppressions in force takes the first of them in the order given (config file order, then tags), so the same
/// inputs always name the same suppression; the others still count it as covered. An expired suppression suppresses
/// nothing but still counts what it covers.
/// </summary>
public static class SuppressionMatcher
{
    /// <summary>The findings with <see cref="Finding.Suppression"/> set where one applies, and each suppression's result.</summary>
    /// <param name="findings">The scan's findings, in their order (kept).</param>
    /// <param name="suppressions">Every valid suppression, in precedence order.</param>
    /// <param name="now">The scan's clock reading, which decides expiry.</param>
    public static (ImmutableArray<Finding> Findings, ImmutableArray<SuppressionResult> Results) Apply(
        ImmutableArray<Finding> findings, ImmutableArray<Suppression> suppressions, DateTimeOffset now)
    {
        var expired = suppressions.Select(s => s.IsExpiredAt(now)).ToArray();
        var covered = new int[suppressions.Length];
        var applied = new int[suppressions.Length];
        var index = new SuppressionIndex(suppressions);
        var result = ImmutableArray.CreateBuilder<Finding>(findings.Length);
        var candidates = new List<int>();
        foreach (var finding in findings)
        {
            Suppression? winner = null;
            index.Candidates(finding, candidates);
            foreach (var i in candidates)
            {
                if (!suppressions[i].Covers(finding))
                {
                    continue;
                }

                covered[i]++;
                if (winner is null && !expired[i])
                {
                    winner = suppressions[i];
                    applied[i]++;
                }
            }

            result.Add(ReferenceEquals(finding.Suppression, winner) ? finding : finding with { Suppression = winner });
        }

        var results = suppressions.Select((s, i) => new SuppressionResult(s.Source, Status(expired[i], covered[i]))
        {
            Suppression = s,
            Findings = covered[i],
            Suppressed = applied[i],
        });
        return (result.MoveToImmutable(), [.. results]);
    }

    private static SuppressionStatus Status(bool expired, int covered) =>
        expired ? SuppressionStatus.Expired : covered == 0 ? SuppressionStatus.Stale : SuppressionStatus.Applied;

    /// <summary>
    /// The suppressions worth testing against a finding, in precedence order: those of its rule whose selector names
    /// one exact resource (every tag) are looked up by resource, so thousands of tags do not cost a pass each.
    /// </summary>
    private sealed class SuppressionIndex
    {
        private readonly Dictionary<string, List<int>> _general = new(StringComparer.Ordinal);
        private readonly Dictionary<(string RuleId, string AccountId, string Region, string ResourceId), List<int>> _exact = [];

        public SuppressionIndex(ImmutableArray<Suppression> suppressions)
        {
            for (var i = 0; i < suppressions.Length; i++)
            {
                var selector = suppressions[i].Selector;
                foreach (var ruleId in suppressions[i].RuleIds)
                {
                    if (selector is { ResourceId.IsLiteral: true, AccountId: { } account, Region: { } region })
                    {
                        Add(_exact, (ruleId, account, region, selector.ResourceId.Text), i);
                    }
                    else
                    {
                        Add(_general, ruleId, i);
                    }
                }
            }
        }

        public void Candidates(Finding finding, List<int> candidates)
        {
            candidates.Clear();
            var general = _general.GetValueOrDefault(finding.RuleId);
            var exact = _exact.Count == 0 ? null : _exact.GetValueOrDefault((finding.RuleId, finding.AccountId, finding.Region, finding.ResourceId));
            if (general is not null)
            {
                candidates.AddRange(general);
            }

            if (exact is not null)
            {
                candidates.AddRange(exact);
                if (general is not null)
                {
                    candidates.Sort();
                }
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int index)
            where TKey : notnull
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists.Add(key, list = []);
            }

            // A suppression listing a rule twice is one candidate.
            if (list.Count == 0 || list[^1] != index)
            {
                list.Add(index);
            }
        }
    }
}
