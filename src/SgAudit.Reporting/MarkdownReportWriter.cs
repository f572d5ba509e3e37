using HandlebarsDotNet;
using SgAudit.Core.Engine;
using SgAudit.Reporting.Templates;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>
/// summary.md: a short Markdown summary for a CI job summary or pull-request comment, rendered from
/// markdown/summary.md.hbs. <c>{{value}}</c> output is Markdown-escaped so account data renders as inert text.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    private readonly CompiledTemplate _template;

    public MarkdownReportWriter(TemplateSet templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _template = CompiledTemplate.Compile(templates, TemplatePaths.Markdown, new MarkdownTextEncoder(), configure: environment =>
            environment.RegisterHelper("truncate", (in EncodedTextWriter output, in HelperOptions _, in Context _, in Arguments arguments) => Truncate(output, arguments)));
    }

    public string Format => "md";

    public string FileName => "summary.md";

    public Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken) =>
        _template.RenderScanAsync(result, output, cancellationToken);

    // {{truncate value maxLength}}: the value shortened to maxLength characters (ending in "…"), still escaped.
    private static void Truncate(in EncodedTextWriter output, in Arguments arguments)
    {
        if (arguments.Length != 2 || arguments[1] is not int maxLength || maxLength < 2)
        {
            throw new HandlebarsRuntimeException("truncate takes a value and a maximum length of at least 2, e.g. {{truncate message 300}}");
        }

        output.Write(ReportText.Truncate(arguments[0]?.ToString() ?? "", maxLength));
    }
}
