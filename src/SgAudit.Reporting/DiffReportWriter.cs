using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SgAudit.Core.Baselines;
using SgAudit.Core.Model;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>`sgaudit diff` as JSON (docs/report-json.md, "diff") and as Markdown for a pull-request comment or job summary.</summary>
public static class DiffReportWriter
{
    /// <summary>Rows per Markdown table: a comment stays under GitHub's 65,536 characters; the JSON has every finding.</summary>
    public const int MarkdownRowLimit = 100;

    public static string ToJson(ReportDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", JsonReportWriter.SchemaVersion);
            WriteSide(json, "baseline", diff.Baseline, null);
            WriteSide(json, "current", diff.Current, diff.CurrentPartial);
            if (diff.FailOn is { } failOn)
            {
                json.WriteString("failOn", failOn.ToText());
            }
            else
            {
                json.WriteNull("failOn");
            }

            json.WriteStartObject("counts");
            json.WriteNumber("new", diff.Diff.New.Length);
            json.WriteNumber("unchanged", diff.Diff.Unchanged.Length);
            json.WriteNumber("fixed", diff.Diff.Fixed.Length);
            json.WriteNumber("notReassessed", diff.Diff.NotReassessed.Length);
            json.WriteNumber("gateNew", diff.GateNew);
            json.WriteEndObject();
            JsonReportWriter.WriteReportedFindings(json, "new", diff.Diff.New.Select(f => ReportedFindingView.From(f)));
            JsonReportWriter.WriteReportedFindings(json, "fixed", diff.Diff.Fixed.Select(f => ReportedFindingView.From(f)));
            JsonReportWriter.WriteReportedFindings(json, "notReassessed", diff.Diff.NotReassessed.Select(n => ReportedFindingView.From(n.Finding, n.Reason)));
            JsonReportWriter.WriteReportedFindings(json, "unchanged", diff.Diff.Unchanged.Select(f => ReportedFindingView.From(f)));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Markdown: a heading with the counts, then a table each of new, fixed, not re-assessed and unchanged findings.
    /// Every value is escaped by the Markdown encoder (no links, HTML, mentions or table breaks from account text).
    /// </summary>
    public static string ToMarkdown(ReportDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var d = diff.Diff;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### {ReportToolInfo.Name} diff: {d.New.Length} new, {d.Fixed.Length} fixed, {d.Unchanged.Length} unchanged\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Compared {SafeText.Markdown(diff.Current.File)}{Started(diff.Current)} with the baseline {SafeText.Markdown(diff.Baseline.File)}{Started(diff.Baseline)}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**{d.New.Length} new**");
        if (diff.FailOn is { } failOn)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({diff.GateNew} at or above **{failOn.ToText()}**)");
        }

        text.Append(CultureInfo.InvariantCulture, $", **{d.Fixed.Length} fixed**, {d.Unchanged.Length} unchanged");
        if (!d.NotReassessed.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $", {d.NotReassessed.Length} not re-assessed: their account, region or rule was not assessed by the later scan, so they are not counted as fixed");
        }

        text.Append(".\n");
        if (diff.CurrentPartial)
        {
            text.Append("\n> **Warning:** the later scan is partial: part of its scope could not be assessed. Missing data is never a pass.\n");
        }

        Table(text, "New", d.New.Select(f => ReportedFindingView.From(f)).ToList(), withReason: false);
        Table(text, "Fixed", d.Fixed.Select(f => ReportedFindingView.From(f)).ToList(), withReason: false);
        Table(text, "Not re-assessed", d.NotReassessed.Select(n => ReportedFindingView.From(n.Finding, n.Reason)).ToList(), withReason: true);
        Table(text, "Unchanged", d.Unchanged.Select(f => ReportedFindingView.From(f)).ToList(), withReason: false);
        return text.ToString();
    }

    private static string Started(BaselineReport report) =>
        report.StartedAt is { } started ? $" (scan of {ReportText.Timestamp(started)})" : "";

    private static void WriteSide(Utf8JsonWriter json, string name, BaselineReport report, bool? partial)
    {
        json.WriteStartObject(name);
        json.WriteString("file", report.File);
        if (report.StartedAt is { } started)
        {
            json.WriteString("startedAt", ReportText.Timestamp(started));
        }
        else
        {
            json.WriteNull("startedAt");
        }

        if (partial is { } value)
        {
            json.WriteBoolean("partial", value);
        }

        json.WriteEndObject();
    }

    private static void Table(StringBuilder text, string title, List<ReportedFindingView> findings, bool withReason)
    {
        if (findings.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n#### {title} ({findings.Count})\n\n");
        text.Append("| Severity | Rule | Account / region | Resource | Permission | Source |").Append(withReason ? " Why |\n" : "\n");
        text.Append("|---|---|---|---|---|---|").Append(withReason ? "---|\n" : "\n");
        foreach (var f in findings.Take(MarkdownRowLimit))
        {
            var resource = f.ResourceName.Length == 0 || f.ResourceName == f.ResourceId
                ? Cell(f.ResourceId, 80)
                : $"{Cell(f.ResourceId, 80)} ({Cell(f.ResourceName, 80)})";
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(f.Severity, 20)} | {Cell(f.RuleId, 40)} | {Cell(f.AccountId, 40)} / {Cell(f.Region, 40)} | {resource} | {Cell(Permission(f), 120)} | {Cell(f.Source, 120)} |");
            text.Append(withReason ? $" {Cell(f.Reason ?? "", 300)} |\n" : "\n");
        }

        if (findings.Count > MarkdownRowLimit)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and {findings.Count - MarkdownRowLimit} more; `sgaudit diff --format json` lists every one.\n");
        }
    }

    private static string Permission(ReportedFindingView finding) =>
        finding.Direction is { } direction ? $"{direction} {finding.Permission}" : finding.Permission;

    private static string Cell(string value, int maxLength) => SafeText.Markdown(ReportText.Truncate(value, maxLength));
}
