using SgAudit.Core.Rules;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// A pattern over a resource id or name: <c>*</c> matches any run of characters (none included), <c>?</c> exactly one;
/// everything else matches itself, case-sensitively (EC2 ids and names are case-sensitive). A pattern without
/// wildcards is an exact match. No character classes or escapes: ids and names never need them. Matching is
/// <see cref="Glob"/>, the same as the group-name rules use.
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
            : Glob.IsMatch(value, Text);
    }

    public override string ToString() => Text;
}
