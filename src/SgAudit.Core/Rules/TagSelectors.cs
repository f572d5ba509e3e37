using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// Reads a tag-selector list ("key": the tag is present, whatever its value; "key=value": the tag has exactly that
/// value; both case-sensitive, as AWS compares tags) and tests a resource's tags against it: any selector matching
/// is enough. The key ends at the first '='.
/// </summary>
internal sealed class TagSelectors
{
    private readonly ImmutableArray<(string Key, string? Value)> _selectors;

    private TagSelectors(ImmutableArray<(string Key, string? Value)> selectors) => _selectors = selectors;

    /// <summary>No selectors: nothing is selected, and callers read it as "no scope".</summary>
    public bool IsEmpty => _selectors.IsEmpty;

    public static TagSelectors From(ImmutableArray<string> selectors) => new([.. selectors.Select(Parse)]);

    public bool Matches(ImmutableArray<ResourceTag> tags)
    {
        foreach (var tag in tags)
        {
            foreach (var (key, value) in _selectors)
            {
                if (string.Equals(tag.Key, key, StringComparison.Ordinal) && (value is null || string.Equals(tag.Value, value, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (string Key, string? Value) Parse(string selector)
    {
        var equals = selector.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (selector, null) : (selector[..equals], selector[(equals + 1)..]);
    }
}
