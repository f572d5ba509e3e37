using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// Reads a suppression from a tag on the resource it suppresses: key <c>sgaudit:suppress</c>, value
/// <c>SGA004,SGA008; reason text; until 2027-01-31</c> (the until part is optional; the reason may itself contain
/// semicolons). Tag values come from the account and are untrusted: anything that is not exactly this shape is not a
/// suppression (fail closed) and the caller reports it as invalid with the problem named here.
/// </summary>
public static class SuppressionTag
{
    public const string Key = "sgaudit:suppress";

    /// <summary>The shape of a value, for problems and docs.</summary>
    public const string Format = "RULE[,RULE...]; reason[; until YYYY-MM-DD]";

    private const int MaxQuoted = 64;

    /// <summary>True for the exact key.</summary>
    /// <param name="key">A tag key.</param>
    public static bool IsKey(string key) => string.Equals(key, Key, StringComparison.Ordinal);

    /// <summary>True for a key that is the suppression key but for case or surrounding blanks: reported as invalid, not ignored.</summary>
    /// <param name="key">A tag key.</param>
    public static bool IsMisspelledKey(string key) =>
        !IsKey(key) && string.Equals(key.Trim(), Key, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a tag value into a suppression of the tagged resource, or says what is wrong with it.</summary>
    /// <param name="value">The tag's value.</param>
    /// <param name="source">The tagged resource (a tag source); the suppression covers exactly it.</param>
    /// <param name="ruleIds">The rule ids the scan knows; an id outside them makes the tag invalid.</param>
    /// <param name="suppression">The suppression, when the value is valid.</param>
    /// <param name="problem">What is wrong, when it is not.</param>
    public static bool TryParse(
        string value,
        SuppressionSource source,
        IReadOnlySet<string> ruleIds,
        [NotNullWhen(true)] out Suppression? suppression,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ruleIds);
        suppression = null;
        if (source is not { Kind: SuppressionSourceKind.Tag, AccountId: { } account, Region: { } region, ResourceKind: { } kind, ResourceId: { } resourceId })
        {
            throw new ArgumentException("a tag suppression needs the tagged resource as its source", nameof(source));
        }

        var parts = value.Split(';').Select(p => p.Trim()).ToList();
        if (parts.Count < 2)
        {
            problem = $"expected '{Format}'";
            return false;
        }

        var ids = parts[0].Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (ids.IsEmpty)
        {
            problem = $"no rule ids before the first ';' (expected '{Format}')";
            return false;
        }

        foreach (var id in ids)
        {
            if (id == "*" || id.Contains('*', StringComparison.Ordinal))
            {
                problem = "rule ids must be exact: '*' is not allowed";
                return false;
            }

            if (!ruleIds.Contains(id))
            {
                problem = $"unknown rule id '{Quote(id)}'";
                return false;
            }
        }

        DateOnly? until = null;
        var last = parts[^1];
        if (StartsWithUntil(last))
        {
            var date = last[5..].Trim();
            if (!Suppression.TryParseDate(date, out var day))
            {
                problem = $"'{Quote(last)}' is not 'until YYYY-MM-DD' with a real date";
                return false;
            }

            until = day;
            parts.RemoveAt(parts.Count - 1);
        }

        var reason = string.Join("; ", parts.Skip(1)).Trim();
        if (reason.Length == 0)
        {
            problem = "no reason given: a suppression needs one";
            return false;
        }

        suppression = new Suppression(ids, ResourceSelector.ForResource(account, region, kind, resourceId), reason, source) { Until = until };
        problem = null;
        return true;
    }

    private static bool StartsWithUntil(string part) =>
        part.StartsWith("until", StringComparison.OrdinalIgnoreCase) && (part.Length == 5 || char.IsWhiteSpace(part[5]));

    // Account text in a problem is kept short; reports escape it like every other account string.
    private static string Quote(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted - 1), "…");
}
