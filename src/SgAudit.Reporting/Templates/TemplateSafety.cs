using System.Text.RegularExpressions;

namespace SgAudit.Reporting.Templates;

/// <summary>
/// Keeps every <c>{{value}}</c> in a template escaped. Two things would let account data through raw: the
/// unescaped forms (triple braces and <c>{{&amp; value}}</c>), which templates may not use at all, and a
/// Handlebars.Net 2.4.3 defect: a partial call alone on an indented line renders the partial without its encoder.
/// Such lines lose their indentation (a cosmetic change) so the partial is encoded like any other.
/// </summary>
internal static partial class TemplateSafety
{
    /// <summary>The template text to compile, or a <see cref="ReportException"/> if it uses unescaped output.</summary>
    public static string Prepare(string text, string templateName)
    {
        var raw = UnescapedOutput().Match(text);
        if (raw.Success)
        {
            var line = text.AsSpan(0, raw.Index).Count('\n') + 1;
            throw new ReportException(templateName, $"line {line} uses unescaped output ('{raw.Value}'); report templates may only use {{{{value}}}}, which escapes account data for the format");
        }

        return IndentedPartialCall().Replace(text, "");
    }

    [GeneratedRegex(@"\{\{\{|\{\{~?\s*&")]
    private static partial Regex UnescapedOutput();

    // The indentation before a partial call ({{> name}}, {{~> name}}) at the start of a line.
    [GeneratedRegex(@"^[ \t]+(?=\{\{~?\s*>)", RegexOptions.Multiline)]
    private static partial Regex IndentedPartialCall();
}
