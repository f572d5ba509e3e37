namespace SgAudit.Reporting.TextEncoders;

/// <summary>
/// Makes text inert in GitHub-flavoured Markdown: every character that can start emphasis, a link, a heading, a
/// list, a table cell, math, an autolink or a mention is backslash-escaped; &lt; &gt; &amp; become entities so no HTML
/// gets through; line breaks and tabs become spaces (a value never leaves its line or table cell); hidden
/// characters are shown as "[U+XXXX]".
/// </summary>
internal sealed class MarkdownTextEncoder : StringTextEncoder
{
    private const string BackslashEscaped = "\\`*_{}[]()#+-.!|~:@$";

    protected override string? Replace(char c) => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '\n' or '\r' or '\t' or '\u2028' or '\u2029' => " ",
        _ when BackslashEscaped.Contains(c, StringComparison.Ordinal) => "\\" + c,
        _ when UnsafeCharacters.IsHidden(c) => EscapeMarker(c),
        _ => null,
    };

    private static string EscapeMarker(char c) => UnsafeCharacters.Marker(c).Replace("[", "\\[", StringComparison.Ordinal)
        .Replace("]", "\\]", StringComparison.Ordinal)
        .Replace("+", "\\+", StringComparison.Ordinal);
}
