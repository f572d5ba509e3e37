namespace SgAudit.Reporting.TextEncoders;

/// <summary>Account text made inert for outputs written outside the templates (the diff and compliance commands).</summary>
public static class SafeText
{
    private static readonly MarkdownTextEncoder MarkdownEncoder = new();
    private static readonly TerminalTextEncoder TerminalEncoder = new();

    /// <summary>Inert GitHub-flavoured Markdown on one line: no emphasis, links, HTML, mentions, table breaks.</summary>
    /// <param name="text">Untrusted text.</param>
    public static string Markdown(string? text) => Encode(MarkdownEncoder, text);

    /// <summary>One line without control characters or bidirectional overrides (shown as "[U+XXXX]").</summary>
    /// <param name="text">Untrusted text.</param>
    public static string Terminal(string? text) => Encode(TerminalEncoder, text);

    private static string Encode(StringTextEncoder encoder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        encoder.Encode(text, writer);
        return writer.ToString();
    }
}
