namespace SgAudit.Reporting.TextEncoders;

/// <summary>
/// Escapes text for HTML element content and quoted attribute values. Hidden characters (controls, bidirectional
/// overrides) are shown as "[U+XXXX]" so account data cannot disguise itself in the report.
/// </summary>
internal sealed class HtmlTextEncoder : StringTextEncoder
{
    protected override string? Replace(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        '`' => "&#96;",
        '=' => "&#61;",
        _ when UnsafeCharacters.IsHidden(c) => UnsafeCharacters.Marker(c),
        _ => null,
    };
}
