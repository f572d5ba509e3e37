using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>
/// The value of a port-list parameter: single ports and inclusive ranges ("443", "1020-1025"), sorted and
/// disjoint. Two sets are equal when they hold the same ports, however they are listed ([80, 81] equals ["80-81"]).
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    // Adjacent items joined ([80, 81] → 80-81): coverage questions are answered on these.
    private readonly ImmutableArray<PortRange> _merged;

    private PortSet(ImmutableArray<PortRange> items)
    {
        Items = items;
        _merged = Merge(items);
    }

    public static PortSet Empty { get; } = new([]);

    /// <summary>The items as listed, in ascending order; a single port is a range whose From equals its To.</summary>
    public ImmutableArray<PortRange> Items { get; }

    public bool IsEmpty => Items.IsEmpty;

    /// <summary>A set of the given disjoint items, in any order.</summary>
    /// <exception cref="ArgumentException">Two items share a port.</exception>
    public static PortSet Of(IEnumerable<PortRange> items)
    {
        var sorted = items.OrderBy(r => r.From).ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].From <= sorted[i - 1].To)
            {
                throw new ArgumentException($"{sorted[i]} overlaps {sorted[i - 1]}.", nameof(items));
            }
        }

        return new PortSet(sorted);
    }

    /// <summary>A set of single ports.</summary>
    public static PortSet Of(params int[] ports) => Of(ports.Select(p => new PortRange(p, p)));

    public bool Contains(int port)
    {
        foreach (var range in _merged)
        {
            if (range.Contains(port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every port of <paramref name="range"/> is in the set.</summary>
    public bool ContainsAll(PortRange range)
    {
        foreach (var item in _merged)
        {
            if (item.From <= range.From)
            {
                if (range.To <= item.To)
                {
                    return true;
                }
            }
            else
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Whether any port of <paramref name="range"/> is in the set.</summary>
    public bool Overlaps(PortRange range)
    {
        foreach (var item in _merged)
        {
            if (item.From <= range.To && range.From <= item.To)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parts of the listed items that lie within <paramref name="range"/>, in ascending order.</summary>
    public ImmutableArray<PortRange> Within(PortRange range)
    {
        var parts = ImmutableArray.CreateBuilder<PortRange>();
        foreach (var item in Items)
        {
            if (item.From <= range.To && range.From <= item.To)
            {
                parts.Add(new PortRange(Math.Max(item.From, range.From), Math.Min(item.To, range.To)));
            }
        }

        return parts.ToImmutable();
    }

    /// <summary>The ports of <paramref name="range"/> that are not in the set, as ascending disjoint ranges.</summary>
    public ImmutableArray<PortRange> Outside(PortRange range)
    {
        var gaps = ImmutableArray.CreateBuilder<PortRange>();
        var next = range.From;
        foreach (var item in _merged)
        {
            if (item.To < next)
            {
                continue;
            }

            if (item.From > range.To)
            {
                break;
            }

            if (item.From > next)
            {
                gaps.Add(new PortRange(next, item.From - 1));
            }

            if (item.To >= range.To)
            {
                return gaps.ToImmutable();
            }

            next = item.To + 1;
        }

        gaps.Add(new PortRange(next, range.To));
        return gaps.ToImmutable();
    }

    /// <summary>"22, 3389" or "443, 1020-1025"; empty for the empty set.</summary>
    public override string ToString() => Describe(Items);

    /// <summary>Port ranges as reports print them: "0-79, 81-442, 444-65535".</summary>
    public static string Describe(IEnumerable<PortRange> ranges) => string.Join(", ", ranges.Select(r => r.ToString()));

    public bool Equals(PortSet? other) => other is not null && _merged.SequenceEqual(other._merged);

    public override bool Equals(object? obj) => Equals(obj as PortSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var range in _merged)
        {
            hash.Add(range);
        }

        return hash.ToHashCode();
    }

    private static ImmutableArray<PortRange> Merge(ImmutableArray<PortRange> items)
    {
        var merged = ImmutableArray.CreateBuilder<PortRange>(items.Length);
        foreach (var item in items)
        {
            if (merged.Count > 0 && merged[^1].To + 1 == item.From)
            {
                merged[^1] = new PortRange(merged[^1].From, item.To);
            }
            else
            {
                merged.Add(item);
            }
        }

        return merged.ToImmutable();
    }
}
