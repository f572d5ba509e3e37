namespace SgAudit.Reporting.TextEncoders;

/// <summary>
/// Makes account text safe to print on a terminal: control characters (an ESC could start an escape sequence) and
/// bidirectional overrides are shown as "[U+XXXX]", line breaks and tabs become spaces. Console markup is escaped
/// separately by the caller.
/// </summary>
internal sealed class TerminalTextEncoder : StringTextEncoder
{
    protected override string? Replace(char c) => c switch
    {
        '\n' or '\r' or '\t' or '\u2028' or '\u2029' => " ",
        _ when UnsafeCharacters.IsHidden(c) => UnsafeCharacters.Marker(c),
        _ => null,
    };
}
