using System.Collections;
using System.Collections.Immutable;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>
/// Whether each resource passed one rule in one account and region, in the order the rule visited them. The rule,
/// account and region are stored once, not in every outcome: a large scan has millions of outcomes.
/// </summary>
public sealed class RuleOutcomes : IReadOnlyList<ResourceOutcome>
{
    private readonly ImmutableArray<Entry> _entries;

    internal RuleOutcomes(string ruleId, string accountId, string region, ImmutableArray<Entry> entries)
    {
        RuleId = ruleId;
        AccountId = accountId;
        Region = region;
        _entries = entries;
    }

    public string RuleId { get; }

    public string AccountId { get; }

    public string Region { get; }

    public int Count => _entries.Length;

    public ResourceOutcome this[int index]
    {
        get
        {
            var entry = _entries[index];
            return new ResourceOutcome(RuleId, AccountId, Region, entry.Kind, entry.ResourceId, entry.Passed);
        }
    }

    /// <summary>The ids of the resources that failed, in visiting order.</summary>
    public IEnumerable<string> FailingResourceIds
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (!entry.Passed)
                {
                    yield return entry.ResourceId;
                }
            }
        }
    }

    public IEnumerator<ResourceOutcome> GetEnumerator()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One resource's outcome without the rule, account and region its list shares.</summary>
    internal readonly record struct Entry(string ResourceId, ResourceKind Kind, bool Passed);
}
