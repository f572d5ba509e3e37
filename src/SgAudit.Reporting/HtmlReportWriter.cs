using System.Security.Cryptography;
using System.Text;
using HandlebarsDotNet;
using SgAudit.Core.Engine;
using SgAudit.Reporting.Templates;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>
/// report.html: one self-contained file (inline CSS and one inline script, no external loads) rendered from
/// html/report.hbs and its partials. <c>{{value}}</c> output is HTML-escaped, and hidden characters in account data
/// are made visible. The script is template-set content, never account data; the Content-Security-Policy allows it
/// by its SHA-256 hash and nothing else, so markup that got into the page still could not run.
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

        var script = templates.Read(TemplatePaths.HtmlScript);
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.Contains("<!--", StringComparison.Ordinal))
        {
            throw new ReportException(templates.Describe(TemplatePaths.HtmlScript), "the script must not contain </script> or <!--, which would end or confuse the inline script element");
        }

        var scriptHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'";

        // The stylesheet, the script and its hash are template-set content, not account data: the only things written unescaped.
        _template = CompiledTemplate.Compile(templates, TemplatePaths.HtmlReport, new HtmlTextEncoder(), TemplatePaths.HtmlPartials, environment =>
        {
            environment.RegisterHelper("inlineStyles", (in EncodedTextWriter output, in HelperOptions _, in Context _, in Arguments _) => output.WriteSafeString(css));
            environment.RegisterHelper("inlineScript", (in EncodedTextWriter output, in HelperOptions _, in Context _, in Arguments _) => output.WriteSafeString(script));
            environment.RegisterHelper("scriptHash", (in EncodedTextWriter output, in HelperOptions _, in Context _, in Arguments _) => output.WriteSafeString(scriptHash));
            environment.RegisterHelper(FindingRowsHtml.HelperName, (in EncodedTextWriter output, in HelperOptions _, in Context _, in Arguments arguments) => FindingRowsHtml.Write(output, arguments));
        });
    }

    public string Format => "html";

    public string FileName => "report.html";

    public Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        var model = HtmlReportViewModelBuilder.Build(result, new ReportViewModelBuilder().Build(result));
        return _template.RenderAsync(output, model, cancellationToken);
    }
}
