using System.Collections;
using System.Collections.Immutable;

namespace SgAudit.Core.Engine;

/// <summary>
/// Every resource outcome of an evaluation: one <see cref="RuleOutcomes"/> list per rule and (account, region),
/// read as one list of <see cref="ResourceOutcome"/> in that order.
/// </summary>
public sealed class ResourceOutcomes : IReadOnlyList<ResourceOutcome>
{
    /// <summary>Where each list starts in the whole, for the indexer: one more than there are lists, ending at Count.</summary>
    private readonly int[] _starts;

    public ResourceOutcomes(ImmutableArray<RuleOutcomes> byRuleAndScope)
    {
        ByRuleAndScope = byRuleAndScope;
        _starts = new int[byRuleAndScope.Length + 1];
        for (var i = 0; i < byRuleAndScope.Length; i++)
        {
            _starts[i + 1] = checked(_starts[i] + byRuleAndScope[i].Count);
        }
    }

    public static ResourceOutcomes Empty { get; } = new([]);

    /// <summary>The outcomes grouped by rule and (account, region), as the engine produced them.</summary>
    public ImmutableArray<RuleOutcomes> ByRuleAndScope { get; }

    public int Count => _starts[^1];

    public ResourceOutcome this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            // The last list starting at or before index (empty lists share their start with the next one).
            var list = Array.BinarySearch(_starts, index);
            list = list >= 0 ? list : ~list - 1;
            while (_starts[list + 1] == index && ByRuleAndScope[list].Count == 0)
            {
                list++;
            }

            return ByRuleAndScope[list][index - _starts[list]];
        }
    }

    /// <summary>Groups outcomes into one list per run of the same rule, account and region, keeping their order.</summary>
    /// <param name="outcomes">The outcomes, each rule and scope's together.</param>
    public static ResourceOutcomes From(IEnumerable<ResourceOutcome> outcomes)
    {
        var lists = ImmutableArray.CreateBuilder<RuleOutcomes>();
        var run = ImmutableArray.CreateBuilder<RuleOutcomes.Entry>();
        ResourceOutcome first = default;
        foreach (var outcome in outcomes)
        {
            if (run.Count > 0 && !SameList(first, outcome))
            {
                lists.Add(new RuleOutcomes(first.RuleId, first.AccountId, first.Region, run.DrainToImmutable()));
            }

            if (run.Count == 0)
            {
                first = outcome;
            }

            run.Add(new RuleOutcomes.Entry(outcome.ResourceId, outcome.Kind, outcome.Passed));
        }

        if (run.Count > 0)
        {
            lists.Add(new RuleOutcomes(first.RuleId, first.AccountId, first.Region, run.DrainToImmutable()));
        }

        return new ResourceOutcomes(lists.DrainToImmutable());
    }

    public IEnumerator<ResourceOutcome> GetEnumerator()
    {
        foreach (var list in ByRuleAndScope)
        {
            for (var i = 0; i < list.Count; i++)
            {
                yield return list[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool SameList(ResourceOutcome a, ResourceOutcome b) =>
        string.Equals(a.RuleId, b.RuleId, StringComparison.Ordinal)
        && string.Equals(a.AccountId, b.AccountId, StringComparison.Ordinal)
        && string.Equals(a.Region, b.Region, StringComparison.Ordinal);
}
