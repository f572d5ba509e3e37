using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Cli.Configuration;
using SgAudit.Cli.Console;
using SgAudit.Core.Rules;
using SgAudit.Reporting;
using SgAudit.Reporting.ReportJson;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;
using Spectre.Console;

namespace SgAudit.Cli.Commands;

/// <summary>
/// `sgaudit compliance --framework ID`: every control of a framework version with pass, fail or not assessed, its
/// failing resources and rules, from a scan (the same source and config options and path as `scan`, without writing
/// reports) or from a finished scan's report.json (--report). Exit 1 when a control fails, else 3 when one is not
/// assessed (missing data is never a pass), else 0.
/// </summary>
public sealed class ComplianceCommand(IAnsiConsole console, TextWriter output, TextWriter error, TimeProvider time)
{
    public const string All = "all";

    public async Task<int> RunAsync(ComplianceCommandOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ImmutableArray<FrameworkView> frameworks;
        if (options.Report is { } path)
        {
            using var report = ReportJsonFile.Load(path);
            var available = report.ReadCompliance();
            if (Select(options.Framework, [.. available.Select(f => f.Id)], $"{path} has") is not { } ids)
            {
                return ExitCodes.InputError;
            }

            frameworks = [.. available.Where(f => ids.Contains(f.Id))];
        }
        else
        {
            // Everything is checked before anything is read: the framework id, then the config.
            var catalog = RuleCatalogLoader.BuiltIn;
            if (Select(options.Framework, [.. catalog.Frameworks.Select(f => f.Id)], "the built-in ones are") is not { } ids)
            {
                return ExitCodes.InputError;
            }

            var config = options.Config is null ? ScanConfigLoader.Defaults(catalog) : ScanConfigLoader.Load(options.Config, catalog);
            var started = time.GetUtcNow();
            await using var collected = options.Source.IsLive
                ? await new CollectionProgressReporter(error).RunAsync(progress => ScanService.CollectAsync(options.Source, progress, cancellationToken))
                : await ScanService.CollectAsync(options.Source, null, cancellationToken);
            var result = new ScanService(time).Evaluate(collected.Inventory, collected.Inputs, config, null, started, cancellationToken);
            frameworks = [.. ComplianceViews.Frameworks(result.Evaluation.Controls).Where(f => ids.Contains(f.Id))];
        }

        var exitCode = ExitCodeFor(frameworks);
        switch (options.Format)
        {
            case DiffCommand.Markdown:
                await output.WriteAsync(ComplianceReportWriter.ToMarkdown(frameworks));
                break;
            case DiffCommand.Json:
                await output.WriteAsync(ComplianceReportWriter.ToJson(frameworks));
                break;
            default:
                WriteTables(frameworks, exitCode);
                break;
        }

        return exitCode;
    }

    public static int ExitCodeFor(ImmutableArray<FrameworkView> frameworks) =>
        frameworks.Any(f => f.Failed > 0) ? ExitCodes.FindingsAtOrAboveThreshold
        : frameworks.Any(f => f.NotAssessed > 0) ? ExitCodes.NotAssessed
        : ExitCodes.Success;

    /// <summary>
    /// The framework ids <paramref name="requested"/> names (ids, comma-separated, or "all"), spelled as
    /// <paramref name="available"/> spells them; null, after printing the valid ids, when one is unknown.
    /// </summary>
    private HashSet<string>? Select(string requested, List<string> available, string listIntro)
    {
        var ids = requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Contains(All, StringComparer.OrdinalIgnoreCase))
        {
            return [.. available];
        }

        var unknown = ids.FirstOrDefault(id => !available.Contains(id, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null || ids.Length == 0)
        {
            var valid = available.Count == 0 ? "none" : string.Join(", ", available.Select(SafeText.Terminal));
            error.WriteLine($"sgaudit: error: --framework: '{SafeText.Terminal(unknown ?? requested)}' is not a framework id; {listIntro}: {valid} (or '{All}').");
            return null;
        }

        return [.. available.Where(id => ids.Contains(id, StringComparer.OrdinalIgnoreCase))];
    }

    private void WriteTables(ImmutableArray<FrameworkView> frameworks, int exitCode)
    {
        foreach (var framework in frameworks)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape(SafeText.Terminal(string.Create(CultureInfo.InvariantCulture,
                    $"{framework.Name} {framework.Version} ({framework.Id}): {framework.Failed} fail, {framework.Passed} pass, {framework.NotAssessed} not assessed"))))
                .AddColumn("Control").AddColumn("Title").AddColumn("Status").AddColumn(new TableColumn("Failing resources").RightAligned()).AddColumn("Rules").AddColumn("Why not assessed");
            foreach (var control in framework.Controls)
            {
                var status = control.Status switch
                {
                    ComplianceViews.Fail => "[red]Fail[/]",
                    ComplianceViews.Pass => "[green]Pass[/]",
                    _ => "[yellow]Not assessed[/]",
                };
                table.AddRow(
                    Text(control.Id),
                    Text(control.Title),
                    status,
                    control.FailingResources.ToString(CultureInfo.InvariantCulture),
                    control.RuleIds.IsEmpty ? "none" : Text(string.Join(", ", control.RuleIds)),
                    Text(control.Reason ?? ""));
            }

            console.Write(table);
        }

        var failed = frameworks.Sum(f => f.Failed);
        var notAssessed = frameworks.Sum(f => f.NotAssessed);
        console.MarkupLine(exitCode switch
        {
            ExitCodes.FindingsAtOrAboveThreshold => string.Create(CultureInfo.InvariantCulture, $"[red]FAIL[/]: {failed} control(s) fail{(notAssessed > 0 ? $", {notAssessed} not assessed" : "")}."),
            ExitCodes.NotAssessed => string.Create(CultureInfo.InvariantCulture, $"[yellow]INCOMPLETE[/]: {notAssessed} control(s) not assessed (never counted as a pass); exit code 3."),
            _ => "[green]PASS[/]: every control passes.",
        });
    }

    private static string Text(string value) => Markup.Escape(SafeText.Terminal(value));
}
