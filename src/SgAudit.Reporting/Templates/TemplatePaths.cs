namespace SgAudit.Reporting.Templates;

/// <summary>The relative layout of a template set, the same for the embedded set and a <c>--templates</c> directory.</summary>
public static class TemplatePaths
{
    public const string HtmlReport = "html/report.hbs";

    /// <summary>Every <c>*.hbs</c> file here is registered as a partial named after the file (<c>groups.hbs</c> → <c>{{&gt; groups}}</c>).</summary>
    public const string HtmlPartials = "html/partials";

    /// <summary>Inlined into the HTML report's <c>&lt;style&gt;</c> element by the <c>{{inlineStyles}}</c> helper.</summary>
    public const string HtmlStyles = "html/report.css";

    /// <summary>Inlined into the HTML report's one <c>&lt;script&gt;</c> element by <c>{{inlineScript}}</c>; its hash is <c>{{scriptHash}}</c>.</summary>
    public const string HtmlScript = "html/report.js";

    public const string Sarif = "sarif/report.sarif.hbs";

    public const string Markdown = "markdown/summary.md.hbs";
}
