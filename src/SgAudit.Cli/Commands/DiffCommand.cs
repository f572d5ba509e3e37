using System.Globalization;
using SgAudit.Core.Baselines;
using SgAudit.Core.Model;
using SgAudit.Reporting;
using SgAudit.Reporting.ReportJson;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;
using Spectre.Console;

namespace SgAudit.Cli.Commands;

/// <summary>
/// `sgaudit diff OLD NEW`: compares two report.json files by fingerprint and prints the new, fixed, not re-assessed
/// and unchanged findings. Exit 1 for new findings at or above --fail-on, else 3 when NEW was partial so that some of
/// OLD's findings could not be re-assessed (they are never called fixed), else 0. Findings NEW left out on purpose (a
/// region it did not scan, a rule it disabled) are listed as not re-assessed too, without exit 3.
/// </summary>
public sealed class DiffCommand(IAnsiConsole console, TextWriter output)
{
    public const string Table = "table";
    public const string Markdown = "markdown";
    public const string Json = "json";

    /// <summary>Reads both reports (either bad: exit 2), compares them and prints the result in <paramref name="format"/>.</summary>
    /// <param name="baselinePath">OLD: the earlier report.json.</param>
    /// <param name="currentPath">NEW: the later report.json.</param>
    /// <param name="format">table, markdown or json.</param>
    /// <param name="failOn">The gate for new findings; null for none.</param>
    public async Task<int> RunAsync(string baselinePath, string currentPath, string format, Severity? failOn)
    {
        BaselineReport baseline;
        using (var old = ReportJsonFile.Load(baselinePath))
        {
            baseline = old.ReadBaseline();
        }

        BaselineReport current;
        ScanCoverage coverage;
        bool partial;
        using (var now = ReportJsonFile.Load(currentPath))
        {
            current = now.ReadBaseline();
            coverage = now.ReadCoverage();
            partial = now.Partial;
        }

        var diff = new ReportDiff(baseline, current, FindingDiff.Compare(baseline.Findings, current.Findings, coverage)) { FailOn = failOn, CurrentPartial = partial };
        var exitCode = ExitCodeFor(diff);
        switch (format)
        {
            case Markdown:
                await output.WriteAsync(DiffReportWriter.ToMarkdown(diff));
                break;
            case Json:
                await output.WriteAsync(DiffReportWriter.ToJson(diff));
                break;
            default:
                WriteTables(diff, exitCode);
                break;
        }

        return exitCode;
    }

    public static int ExitCodeFor(ReportDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return diff.GateNew > 0 ? ExitCodes.FindingsAtOrAboveThreshold
            : diff.Diff.NotReassessed.Any(n => n.Partial) ? ExitCodes.NotAssessed
            : ExitCodes.Success;
    }

    private void WriteTables(ReportDiff diff, int exitCode)
    {
        var d = diff.Diff;
        console.MarkupLine($"[bold]{Text(diff.Current.File)}[/]{Started(diff.Current)} compared with the baseline [bold]{Text(diff.Baseline.File)}[/]{Started(diff.Baseline)}.");
        WriteTable("New", [.. d.New.Select(f => ReportedFindingView.From(f))], withReason: false);
        WriteTable("Fixed", [.. d.Fixed.Select(f => ReportedFindingView.From(f))], withReason: false);
        WriteTable("Not re-assessed (not counted as fixed)", [.. d.NotReassessed.Select(n => ReportedFindingView.From(n.Finding, n.Reason))], withReason: true);
        WriteTable("Unchanged", [.. d.Unchanged.Select(f => ReportedFindingView.From(f))], withReason: false);

        var threshold = diff.FailOn?.ToText() ?? "none";
        var gate = diff.FailOn is null ? "the gate is off" : string.Create(CultureInfo.InvariantCulture, $"{diff.GateNew} at or above {threshold}");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{d.New.Length} new[/] ({gate}), {d.Fixed.Length} fixed, {d.Unchanged.Length} unchanged, {d.NotReassessed.Length} not re-assessed."));
        if (diff.CurrentPartial)
        {
            console.MarkupLine("[yellow]Partial:[/] the later scan could not assess part of its scope; what it could not see is never called fixed.");
        }

        console.MarkupLine(exitCode switch
        {
            ExitCodes.FindingsAtOrAboveThreshold => string.Create(CultureInfo.InvariantCulture, $"[red]FAIL[/]: {diff.GateNew} new finding(s) at or above {threshold}."),
            ExitCodes.NotAssessed => string.Create(CultureInfo.InvariantCulture, $"[yellow]INCOMPLETE[/]: {d.NotReassessed.Count(n => n.Partial)} baseline finding(s) could not be re-assessed by the later, partial scan; exit code 3."),
            _ => diff.FailOn is null ? "[green]PASS[/]: the gate is off (--fail-on none)." : $"[green]PASS[/]: no new findings at or above {threshold}.",
        });
    }

    private void WriteTable(string title, List<ReportedFindingView> findings, bool withReason)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var table = new Spectre.Console.Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{title} ({findings.Count})")))
            .AddColumn("Severity").AddColumn("Rule").AddColumn("Account").AddColumn("Region").AddColumn("Resource").AddColumn("Permission").AddColumn("Source");
        if (withReason)
        {
            table.AddColumn("Why");
        }

        foreach (var f in findings)
        {
            var resource = f.ResourceName.Length == 0 || f.ResourceName == f.ResourceId ? f.ResourceId : $"{f.ResourceId} ({f.ResourceName})";
            string[] cells = [f.Severity, f.RuleId, f.AccountId, f.Region, resource, f.Direction is { } direction ? $"{direction} {f.Permission}" : f.Permission, f.Source];
            table.AddRow([.. cells.Concat(withReason ? [f.Reason ?? ""] : []).Select(Text)]);
        }

        console.Write(table);
    }

    private static string Started(BaselineReport report) =>
        report.StartedAt is { } started ? $" (scan of {started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)})" : "";

    /// <summary>Account and file text for the console: no control characters, console markup escaped.</summary>
    private static string Text(string value) => Markup.Escape(SafeText.Terminal(value));
}
