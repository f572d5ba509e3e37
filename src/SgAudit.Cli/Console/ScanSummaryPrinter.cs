using SgAudit.Core.Baselines;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting;
using SgAudit.Reporting.TextEncoders;
using Spectre.Console;

namespace SgAudit.Cli.Console;

/// <summary>The console view of a scan: severity totals, findings per rule, what was not assessed, where the reports are.</summary>
public sealed class ScanSummaryPrinter(IAnsiConsole console)
{
    private static readonly Severity[] Severities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];

    public void Print(ScanResult result, IReadOnlyList<string> reportPaths, int exitCode, SarifSummary? sarif = null)
    {
        var inventory = result.Inventory;
        console.MarkupLine($"[bold]SgAudit {Markup.Escape(result.ToolVersion)}[/] scanned {Markup.Escape(result.Inputs.Source)}: " +
            $"{inventory.Regions.Select(r => r.AccountId).Distinct().Count()} account(s), {inventory.Regions.Length} region(s), " +
            $"{inventory.Regions.Sum(r => r.SecurityGroups.Length)} security group(s), {inventory.Regions.Sum(r => r.NetworkAcls.Length)} network ACL(s).");

        if (result.Inputs.ApiCalls is { Count: > 0 } calls)
        {
            var detail = string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
            console.MarkupLine(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"AWS API calls: {calls.Values.Sum()} ({detail})")));
        }

        var severities = new Table().Border(TableBorder.Rounded).AddColumn("Severity").AddColumn(new TableColumn("Findings").RightAligned());
        foreach (var severity in Severities)
        {
            severities.AddRow(Markup.Escape(severity.ToText()), result.Findings.Count(f => f.Severity == severity).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(severities);

        var byRule = new Table().Border(TableBorder.Rounded).AddColumn("Rule").AddColumn("Title").AddColumn("Severity")
            .AddColumn(new TableColumn("Findings").RightAligned()).AddColumn(new TableColumn("Failing resources").RightAligned());
        foreach (var rule in result.Rules)
        {
            var findings = result.Findings.Where(f => f.RuleId == rule.Id).ToList();
            byRule.AddRow(
                Markup.Escape(rule.Id),
                Markup.Escape(rule.Definition.Title),
                Markup.Escape(rule.Severity.ToText()),
                findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                findings.Select(f => (f.AccountId, f.Region, f.ResourceId)).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(byRule);

        foreach (var scope in inventory.NotAssessed)
        {
            console.MarkupLine($"[yellow]Not assessed:[/] account {Markup.Escape(scope.AccountId)}{(scope.Region is null ? "" : $" region {Markup.Escape(scope.Region)}")}: {Markup.Escape(scope.ErrorCode)}: {Markup.Escape(scope.Message)}");
        }

        foreach (var gap in result.Evaluation.Gaps.Where(g => inventory.NotAssessed.All(s => s.AccountId != g.AccountId || (s.Region is not null && s.Region != g.Region))))
        {
            console.MarkupLine($"[yellow]Not assessed:[/] {Markup.Escape(gap.RuleId)} in {Markup.Escape(gap.AccountId)}/{Markup.Escape(gap.Region ?? "*")}: {Markup.Escape(gap.Reason)}");
        }

        PrintCloudTrail(result.CloudTrail);
        PrintBaseline(result.Baseline);

        foreach (var path in reportPaths)
        {
            console.MarkupLine($"Report: [link]{Markup.Escape(path)}[/]");
        }

        if (sarif is { TruncatedResults: > 0 })
        {
            console.MarkupLine($"[yellow]SARIF:[/] {sarif.TruncatedResults} least severe result(s) left out to stay within GitHub's 25,000 results per run; report.json and report.html have every finding.");
        }

        if (sarif is { OmittedResults: > 0 })
        {
            console.MarkupLine($"[yellow]SARIF:[/] {sarif.OmittedResults} result(s) of scopes that were not fully assessed are left out, so an upload does not close their alerts.");
        }

        if (sarif is not null && sarif.Grouping != "region")
        {
            console.MarkupLine($"[yellow]SARIF:[/] more than 20 account/region scopes; runs are grouped by {Markup.Escape(sarif.Grouping)} to stay within GitHub's 20 runs per file.");
        }

        var threshold = result.FailOn?.ToText() ?? "none";
        var gate = result.Baseline is null ? "finding(s)" : "new finding(s)";
        var verdict = exitCode switch
        {
            ExitCodes.Success when result.FailOn is null => "[green]PASS[/]: the gate is off (--fail-on none); findings are reported only.",
            ExitCodes.Success => $"[green]PASS[/]: no {(result.Baseline is null ? "findings" : "new findings")} at or above {threshold}.",
            ExitCodes.FindingsAtOrAboveThreshold => $"[red]FAIL[/]: {result.GateFindings} {gate} at or above {threshold}.",
            ExitCodes.NotAssessed => $"[yellow]INCOMPLETE[/]: part of the scan could not be assessed ({result.GateFindings} {gate} at or above {threshold}); exit code 3.",
            _ => "",
        };
        console.MarkupLine(verdict);
    }

    /// <summary>With --baseline: how many findings are new, unchanged, fixed, and not re-assessed (never counted as fixed).</summary>
    private void PrintBaseline(BaselineComparison? baseline)
    {
        if (baseline is null)
        {
            return;
        }

        var notReassessed = baseline.NotReassessed.IsEmpty
            ? ""
            : $", [yellow]{baseline.NotReassessed.Length} not re-assessed[/] (their scope or rule was not assessed this time; not counted as fixed)";
        console.MarkupLine($"Baseline {Markup.Escape(SafeText.Terminal(baseline.Report.File))}: [bold]{baseline.New} new[/], {baseline.Unchanged} unchanged, {baseline.Fixed.Length} fixed{notReassessed}.");
    }

    /// <summary>Informational lines: trail posture per account and how many failing groups were attributed.</summary>
    private void PrintCloudTrail(CloudTrailResult cloudTrail)
    {
        foreach (var posture in cloudTrail.Postures)
        {
            var trail = Markup.Escape(posture.TrailName ?? "");
            var text = posture.Status switch
            {
                TrailPostureStatus.Logging => $"[green]logging[/] ({trail})",
                TrailPostureStatus.NotLogging => posture.Gap switch
                {
                    TrailGap.NotMultiRegion => $"[yellow]not logging[/]: single-region trails only ({trail})",
                    TrailGap.NotLogging => $"[yellow]not logging[/]: {trail} is stopped",
                    TrailGap.ManagementEventsExcluded => $"[yellow]not logging[/]: {trail} skips management writes",
                    _ => "[yellow]not logging[/]: no trail",
                },
                _ => $"[yellow]not assessed[/]: {Markup.Escape(posture.ErrorCode ?? "")}",
            };
            console.MarkupLine($"CloudTrail {Markup.Escape(posture.AccountId)}: {text}");
        }

        if (cloudTrail.AttributionRan && !cloudTrail.Attributions.IsEmpty)
        {
            var found = cloudTrail.Attributions.Count(a => a.Status == AttributionStatus.Found);
            console.MarkupLine($"CloudTrail: last change found for {found} of {cloudTrail.Attributions.Length} failing groups ({cloudTrail.LookbackDays} days).");
        }
    }
}
