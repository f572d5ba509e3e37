using SgAudit.Core.Engine;
using SgAudit.Reporting.Sarif;
using SgAudit.Reporting.Templates;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>
/// report.sarif: SARIF 2.1.0 for GitHub code scanning, rendered from sarif/report.sarif.hbs with a JSON-string
/// encoder. The output is parsed and checked against GitHub's ingestion rules before a byte reaches the stream; a
/// template that renders anything GitHub would reject is a <see cref="ReportException"/>, never a broken file.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    private readonly CompiledTemplate _template;
    private readonly SarifLimits _limits;
    private readonly ReportViewModelBuilder _builder;

    public SarifReportWriter(TemplateSet templates)
        : this(templates, SarifLimits.GitHub)
    {
    }

    public SarifReportWriter(TemplateSet templates, SarifLimits limits)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        _builder = new ReportViewModelBuilder(limits);
        _template = CompiledTemplate.Compile(templates, TemplatePaths.Sarif, new JsonTextEncoder());
    }

    public string Format => "sarif";

    public string FileName => "report.sarif";

    public Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken) =>
        WriteWithSummaryAsync(result, output, cancellationToken);

    /// <summary>Writes the SARIF file and says what it holds, including results GitHub's limits left out.</summary>
    public async Task<SarifSummary> WriteWithSummaryAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        var model = _builder.Build(result);

        // Rendered to memory first: nothing reaches the output until the whole file has passed the check.
        await using var buffer = new ChunkedBufferStream();
        await _template.RenderAsync(buffer, model, cancellationToken);
        var problems = SarifValidator.Validate(buffer.ToSequence(), _limits);
        if (problems.Count > 0)
        {
            throw new ReportException(_template.Name, $"the rendered SARIF would be rejected: {string.Join("; ", problems)}");
        }

        await buffer.WriteToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return Summarize(model.Sarif);
    }

    /// <summary>What <see cref="WriteWithSummaryAsync"/> would report for <paramref name="result"/>, without rendering.</summary>
    public SarifSummary Summarize(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        // After rendering, the shared view model holds this very log: planning it again would sort every finding again.
        return Summarize(_builder.TryGetBuilt(result, out var model) ? model.Sarif : new SarifLogBuilder(_limits).Build(result));
    }

    private static SarifSummary Summarize(SarifLogView log) => new()
    {
        Grouping = log.Grouping,
        Categories = [.. log.Runs.Select(r => r.Category)],
        Results = log.Results,
        TruncatedResults = log.TruncatedResults,
        OmittedResults = log.OmittedResults,
    };
}
