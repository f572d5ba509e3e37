using HandlebarsDotNet;
using SgAudit.Core.Engine;
using SgAudit.Reporting.Templates;
using SgAudit.Reporting.TextEncoders;

namespace SgAudit.Reporting;

/// <summary>
/// report.html: one self-contained file (inline CSS, no script, no external loads) rendered from html/report.hbs and
/// its partials. <c>{{value}}</c> output is HTML-escaped, and hidden characters in account data are made visible.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private readonly CompiledTemplate _template;

    public HtmlReportWriter(TemplateSet templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var css = templates.Read(TemplatePaths.HtmlStyles);
        if (css.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new ReportException(templates.Describe(TemplatePaths.HtmlStyles), "the stylesheet must not contain </style>, which would end the inline style element");
        }

        // The stylesheet is template-set content, not account data, so it is the one thing written unescaped.
        _template = CompiledTemplate.Compile(templates, TemplatePaths.HtmlReport, new HtmlTextEncoder(), TemplatePaths.HtmlPartials,
            environment => environment.RegisterHelper("inlineStyles", (in EncodedTextWriter output, in HelperOptions _, in Context _, in Arguments _) => output.WriteSafeString(css)));
    }

    public string Format => "html";

    public string FileName => "report.html";

    public Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken) =>
        _template.RenderScanAsync(result, output, cancellationToken);
}
