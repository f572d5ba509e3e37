using SgAudit.Reporting;
using SgAudit.Reporting.Templates;

namespace SgAudit.Tests.Reporting;

/// <summary>The HTML report's one script element is template-set content; tests that look for injected script look at everything else.</summary>
internal static class HtmlOwnScript
{
    public static string Element { get; } = "<script>" + TemplateSet.Embedded.Read(TemplatePaths.HtmlScript) + "</script>";

    /// <summary>The report without its own script element, which must occur exactly once.</summary>
    public static string Remove(string html)
    {
        var at = html.IndexOf(Element, StringComparison.Ordinal);
        Assert.True(at >= 0, "the report has its inline script");
        Assert.Equal(-1, html.IndexOf(Element, at + 1, StringComparison.Ordinal));
        return string.Concat(html.AsSpan(0, at), html.AsSpan(at + Element.Length));
    }
}
