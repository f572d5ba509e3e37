namespace SgAudit.Core.Suppressions;

/// <summary>
/// A pattern over a resource id or name: <c>*</c> matches any run of characters (none included), <c>?</c> exactly one;
/// everything else matches itself, case-sensitively (EC2 ids and names are case-sensitive). A pattern without
/// wildcards is an exact match. No character classes or escapes: ids and names never need them.
/// </summary>
public sealed record GlobPattern
{
    private GlobPattern(string text, bool literal)
    {
        Text = text;
        IsLiteral = literal;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> is matched as is, wildcards included (a tag's own resource id).</summary>
    public bool IsLiteral { get; }

    /// <summary>A pattern in which <c>*</c> and <c>?</c> are wildcards.</summary>
    /// <param name="text">The pattern, e.g. <c>sg-0abc*</c> or <c>bastion-?</c>.</param>
    public static GlobPattern Parse(string text) => new(text, literal: false);

    /// <summary>A pattern that matches exactly <paramref name="text"/>, whatever characters it holds (account data).</summary>
    /// <param name="text">The exact value.</param>
    public static GlobPattern Exact(string text) => new(text, literal: true);

    public bool IsMatch(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsLiteral || (!Text.Contains('*', StringComparison.Ordinal) && !Text.Contains('?', StringComparison.Ordinal))
            ? string.Equals(Text, value, StringComparison.Ordinal)
            : WildcardMatch(Text, value);
    }

    public override string ToString() => Text;

    // The greedy two-pointer match: on a mismatch, retry from the last '*' one character further. Linear in practice and
    // never exponential (no regular expression, so no catastrophic backtracking on hostile names).
    private static bool WildcardMatch(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && pattern[p] == value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
