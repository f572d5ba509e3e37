using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>`sgaudit compliance` as JSON (the shape of report.json's <c>compliance[]</c>) and as Markdown.</summary>
public static class ComplianceReportWriter
{
    /// <summary><c>{"schemaVersion": "1", "compliance": [...]}</c>, each framework as report.json writes it.</summary>
    /// <param name="frameworks">The framework versions to write.</param>
    public static string ToJson(ImmutableArray<FrameworkView> frameworks)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", JsonReportWriter.SchemaVersion);
            JsonReportWriter.WriteCompliance(json, frameworks);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A heading with the counts and a table of controls per framework version; every value escaped.</summary>
    /// <param name="frameworks">The framework versions to write.</param>
    public static string ToMarkdown(ImmutableArray<FrameworkView> frameworks)
    {
        var text = new StringBuilder();
        foreach (var framework in frameworks)
        {
            text.Append(CultureInfo.InvariantCulture, $"### {SafeText.Markdown(framework.Name)} {SafeText.Markdown(framework.Version)} ({SafeText.Markdown(framework.Id)})\n\n");
            text.Append(CultureInfo.InvariantCulture, $"**{framework.Failed} fail**, {framework.Passed} pass, {framework.NotAssessed} not assessed.\n\n");
            text.Append("| Control | Title | Status | Failing resources | Rules | Why not assessed |\n");
            text.Append("|---|---|---|---:|---|---|\n");
            foreach (var control in framework.Controls)
            {
                var status = control.Status == ComplianceViews.Fail ? $"**{control.StatusText}**" : control.StatusText;
                var rules = control.RuleIds.IsEmpty ? "none" : string.Join(", ", control.RuleIds.Select(SafeText.Markdown));
                text.Append(CultureInfo.InvariantCulture, $"| {SafeText.Markdown(control.Id)} | {SafeText.Markdown(control.Title)} | {status} | {control.FailingResources} | {rules} | {SafeText.Markdown(control.Reason ?? "")} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
