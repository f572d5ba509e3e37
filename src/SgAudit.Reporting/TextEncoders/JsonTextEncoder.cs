using System.Globalization;

namespace SgAudit.Reporting.TextEncoders;

/// <summary>
/// Escapes text for the inside of a JSON string literal (the template supplies the quotes). Besides what JSON
/// requires (quote, backslash, U+0000–U+001F) it escapes DEL and C1 controls, U+2028/U+2029 (line breaks to
/// JavaScript), the bidirectional formatting characters (so they are visible in the raw file) and &lt; &gt; &amp;
/// (so "&lt;/script&gt;" stays harmless if the JSON is ever embedded in HTML). Every value parses back unchanged.
/// </summary>
internal sealed class JsonTextEncoder : StringTextEncoder
{
    protected override string? Replace(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        '<' or '>' or '&' => Escape(c),
        < '\u0020' => Escape(c),
        '\u2028' or '\u2029' => Escape(c),
        _ when UnsafeCharacters.IsHidden(c) => Escape(c),
        _ => null,
    };

    private static string Escape(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}
