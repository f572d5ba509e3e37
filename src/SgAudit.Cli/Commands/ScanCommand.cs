using System.Collections.Immutable;
using SgAudit.Cli.Configuration;
using SgAudit.Cli.Console;
using SgAudit.Core.Baselines;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Reporting;
using SgAudit.Reporting.ReportJson;
using Spectre.Console;

namespace SgAudit.Cli.Commands;

/// <summary>
/// `sgaudit scan`: validates every input before scanning (config, templates, baseline, model), scans, compares with
/// the baseline if any, writes the reports only once all of them rendered, prints the summary and returns the gate's
/// exit code.
/// </summary>
public sealed class ScanCommand(IAnsiConsole console, TextWriter error, TimeProvider time)
{
    public async Task<int> RunAsync(ScanCommandOptions options, CancellationToken cancellationToken)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        var config = options.Config is null ? ScanConfigLoader.Defaults(catalog) : ScanConfigLoader.Load(options.Config, catalog);
        var failOn = ResolveFailOn(options, config);
        var writers = CompileWriters(options, cancellationToken);
        try
        {
            var baseline = options.Baseline is null ? null : ReadBaseline(options.Baseline);
            var started = time.GetUtcNow();
            await using var collected = options.Source.IsLive
                ? await new CollectionProgressReporter(error).RunAsync(progress => ScanService.CollectAsync(options.Source, progress, cancellationToken))
                : await ScanService.CollectAsync(options.Source, null, cancellationToken);

            // The collector's last worker completes that task and would run the rest of this method inline on its own
            // stack, keeping the model's API shapes (hundreds of MB at scale) reachable until the scan ends; yield so
            // that stack unwinds first.
            await Task.Yield();
            ScanService.ReclaimCollectionGarbage();
            var service = new ScanService(time);
            var result = service.Evaluate(collected.Inventory, collected.Inputs, config, failOn, started, cancellationToken);
            result = await service.AddCloudTrailAsync(result, collected.CloudTrail, !options.NoAttribution, cancellationToken);
            if (collected.ApiCalls is { } apiCalls)
            {
                result = result with { Inputs = result.Inputs with { ApiCalls = apiCalls() } };
            }

            if (baseline is not null)
            {
                result = BaselineComparison.Apply(result, baseline);
            }

            var compiled = await writers;
            var paths = await ReportFileWriter.WriteAllAsync(compiled, result, options.OutputDirectory, cancellationToken);

            var exitCode = ExitCodeFor(result, options.AllowPartial);
            var sarif = compiled.OfType<SarifReportWriter>().SingleOrDefault()?.Summarize(result);
            new ScanSummaryPrinter(console).Print(result, paths, exitCode, sarif);
            return exitCode;
        }
        finally
        {
            // On an error (bad input, an unreadable region) the embedded templates may still be compiling: wait for
            // them, so that no work of this command outlives it (in-process callers, tests among them, would otherwise
            // see a compilation's CPU and allocations after the command returned).
            await ((Task)writers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// The report writers, their templates compiled. A --templates set is input: it is compiled before anything is
    /// scanned, so a broken template costs no scan (nor a live account's API calls). The embedded set always compiles
    /// (its tests render it), so it compiles while the model loads: its expression trees and their JIT are a few hundred
    /// milliseconds of one core that otherwise came before the scan started (a demo scan is about 0.15 s faster).
    /// </summary>
    private static Task<ImmutableArray<IReportWriter>> CompileWriters(ScanCommandOptions options, CancellationToken cancellationToken)
    {
        if (options.Templates is null)
        {
            return Task.Run(() => new ReportWriterFactory(TemplateSet.Embedded).Create(options.Formats), cancellationToken);
        }

        return Task.FromResult(new ReportWriterFactory(TemplateSet.FromDirectory(options.Templates)).Create(options.Formats));
    }

    /// <summary>The --baseline report, read and checked before anything is scanned (bad input writes no report).</summary>
    private static BaselineReport ReadBaseline(string path)
    {
        using var report = ReportJsonFile.Load(path);
        return report.ReadBaseline();
    }

    public static int ExitCodeFor(ScanResult result, bool allowPartial)
    {
        if (result.IsPartial && !allowPartial)
        {
            return ExitCodes.NotAssessed;
        }

        return result.GateFindings > 0 ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    private static Severity? ResolveFailOn(ScanCommandOptions options, ScanConfig config)
    {
        if (options.FailOn is { } flag)
        {
            return ScanCommandOptions.TryParseFailOn(flag, out var severity) ? severity : Severity.High;
        }

        return config.FailOnSet ? config.FailOn : Severity.High;
    }
}
