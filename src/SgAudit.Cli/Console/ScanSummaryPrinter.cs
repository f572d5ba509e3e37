using System.Runtime.InteropServices;
using SgAudit.Core.Baselines;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Suppressions;
using SgAudit.Reporting;
using SgAudit.Reporting.TextEncoders;
using Spectre.Console;

namespace SgAudit.Cli.Console;

/// <summary>The console view of a scan: severity totals, findings per rule, what was not assessed, where the reports are.</summary>
public sealed class ScanSummaryPrinter(IAnsiConsole console)
{
    private static readonly Severity[] Severities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];

    private const int SuppressionLinesPerStatus = 10;

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

        // One pass over the findings for both tables: a large scan has hundreds of thousands, and a pass per rule and
        // per severity took most of a second. Findings come grouped by rule and resource, so a resource is added to its
        // rule's set only where it differs from the finding before (the set still makes any order count right).
        var bySeverity = new Dictionary<Severity, int>();
        var byRuleCounts = new Dictionary<string, (int Findings, HashSet<(string AccountId, string Region, string ResourceId)> Resources)>(StringComparer.Ordinal);
        Finding? previous = null;
        foreach (var finding in result.Findings)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(bySeverity, finding.Severity, out _)++;
            ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(byRuleCounts, finding.RuleId, out var exists);
            if (!exists)
            {
                counts.Resources = [];
            }

            counts.Findings++;
            if (previous is null || !SameRuleAndResource(previous, finding))
            {
                counts.Resources.Add((finding.AccountId, finding.Region, finding.ResourceId));
            }

            previous = finding;
        }

        var severities = new Table().Border(TableBorder.Rounded).AddColumn("Severity").AddColumn(new TableColumn("Findings").RightAligned());
        foreach (var severity in Severities)
        {
            severities.AddRow(Markup.Escape(severity.ToText()), bySeverity.GetValueOrDefault(severity).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(severities);

        var byRule = new Table().Border(TableBorder.Rounded).AddColumn("Rule").AddColumn("Title").AddColumn("Severity")
            .AddColumn(new TableColumn("Findings").RightAligned()).AddColumn(new TableColumn("Failing resources").RightAligned());
        foreach (var rule in result.Rules)
        {
            var counts = byRuleCounts.GetValueOrDefault(rule.Id);
            byRule.AddRow(
                Markup.Escape(rule.Id),
                Markup.Escape(rule.Definition.Title),
                Markup.Escape(rule.Severity.ToText()),
                counts.Findings.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (counts.Resources?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
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

        PrintSuppressions(result);
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
        var suppressed = result.SuppressedFindings;
        var unsuppressed = suppressed == 0 ? "" : "unsuppressed ";
        var gate = result.Baseline is null ? $"{unsuppressed}finding(s)" : $"new {unsuppressed}finding(s)";
        var verdict = exitCode switch
        {
            ExitCodes.Success when result.FailOn is null => "[green]PASS[/]: the gate is off (--fail-on none); findings are reported only.",
            ExitCodes.Success => $"[green]PASS[/]: no {(result.Baseline is null ? "" : "new ")}{unsuppressed}findings at or above {threshold}.",
            ExitCodes.FindingsAtOrAboveThreshold => $"[red]FAIL[/]: {result.GateFindings} {gate} at or above {threshold}.",
            ExitCodes.NotAssessed => $"[yellow]INCOMPLETE[/]: part of the scan could not be assessed ({result.GateFindings} {gate} at or above {threshold}); exit code 3.",
            _ => "",
        };
        console.MarkupLine(verdict);
    }

    /// <summary>
    /// Suppression counts, then a line for each expired, invalid and stale one (at most <see cref="SuppressionLinesPerStatus"/>
    /// of each): an invalid tag is a warning, since the exception its owner meant to record is not applied.
    /// </summary>
    private void PrintSuppressions(ScanResult result)
    {
        var suppressions = result.Suppressions;
        if (suppressions.IsEmpty)
        {
            return;
        }

        int Count(SuppressionStatus status) => suppressions.Count(s => s.Status == status);
        var suppressed = result.SuppressedFindings;
        console.MarkupLine(Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Suppressions: {Count(SuppressionStatus.Applied)} applied ({suppressed} finding(s) suppressed), {Count(SuppressionStatus.Expired)} expired, {Count(SuppressionStatus.Stale)} stale, {Count(SuppressionStatus.Invalid)} invalid.")));
        foreach (var status in (ReadOnlySpan<SuppressionStatus>)[SuppressionStatus.Expired, SuppressionStatus.Invalid, SuppressionStatus.Stale])
        {
            var listed = suppressions.Where(s => s.Status == status).ToList();
            foreach (var entry in listed.Take(SuppressionLinesPerStatus))
            {
                var source = Markup.Escape(SafeText.Terminal(entry.Source.Text));
                var rules = entry.Suppression is { } s ? Markup.Escape(string.Join(",", s.RuleIds)) : "";
                console.MarkupLine(entry.Status switch
                {
                    SuppressionStatus.Expired => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"[yellow]Expired suppression:[/] {source} ({rules}) ended {Suppression.FormatDate(entry.Suppression!.Until!.Value)}; its {entry.Findings} finding(s) count again."),
                    SuppressionStatus.Invalid => $"[yellow]Warning:[/] {source} is not applied: {Markup.Escape(SafeText.Terminal(entry.Problem ?? ""))}.",
                    _ => $"[yellow]Stale suppression:[/] {source} ({rules}) matches no finding.",
                });
            }

            if (listed.Count > SuppressionLinesPerStatus)
            {
                console.MarkupLine($"... and {listed.Count - SuppressionLinesPerStatus} more {status.ToString().ToLowerInvariant()} suppression(s); report.json lists every one.");
            }
        }
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

    private static bool SameRuleAndResource(Finding a, Finding b) =>
        string.Equals(a.ResourceId, b.ResourceId, StringComparison.Ordinal)
        && string.Equals(a.RuleId, b.RuleId, StringComparison.Ordinal)
        && string.Equals(a.Region, b.Region, StringComparison.Ordinal)
        && string.Equals(a.AccountId, b.AccountId, StringComparison.Ordinal);
}
