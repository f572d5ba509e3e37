using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SgAudit.Cli.Configuration;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using Spectre.Console;

namespace SgAudit.Cli.Commands;

/// <summary>
/// Prints the rule catalogue with its compliance mappings as a table, Markdown (the README's table) or JSON. With a
/// config file it is the catalogue a scan with that file runs: custom rules included, severity overrides applied,
/// disabled rules marked.
/// </summary>
public static class RulesCatalogWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Default };

    public static void WriteTable(ScanConfig config, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("ID").AddColumn("Title").AddColumn("Severity").AddColumn("Compliance");
        foreach (var rule in config.Catalog.Rules)
        {
            var compliance = Labels(config.Catalog, rule).ToList();
            table.AddRow(
                Markup.Escape(rule.Id),
                Markup.Escape(rule.Title),
                Markup.Escape(SeverityCell(config, rule)),
                Markup.Escape(compliance.Count > 0 ? string.Join("\n", compliance) : rule.IsCustom ? $"custom rule ({rule.Origin})" : ""));
        }

        console.Write(table);
    }

    public static string ToMarkdown(ScanConfig config)
    {
        var catalog = config.Catalog;
        var builder = new StringBuilder();
        builder.Append("| ID | Slug | Title | Severity | Compliance |\n");
        builder.Append("|---|---|---|---|---|\n");
        foreach (var rule in catalog.Rules)
        {
            var labels = Labels(catalog, rule).ToList();
            var compliance = labels.Count == 0 ? "none (" + Cell(catalog.UnmappedReasons.GetValueOrDefault(rule.Id, "unmapped")) + ")" : string.Join("<br>", labels.Select(Cell));
            builder.Append($"| {Cell(rule.Id)} | `{Cell(rule.Slug)}` | {Cell(rule.Title)} | {SeverityCell(config, rule)} | {compliance} |\n");
        }

        return builder.ToString();
    }

    public static string ToJson(ScanConfig config)
    {
        var catalog = config.Catalog;
        var rules = catalog.Rules.Select(rule =>
        {
            var resolved = Resolved(config, rule);
            return new
            {
                id = rule.Id,
                slug = rule.Slug,
                title = rule.Title,
                severity = (resolved?.Severity ?? rule.Severity).ToText(),
                defaultSeverity = rule.Severity.ToText(),
                enabled = resolved is not null,
                origin = rule.Origin ?? "built-in",
                resourceType = rule.ResourceKind.ToTypeName(),
                implementation = rule.Implementation,
                description = rule.Description,
                remediation = rule.Remediation.Text,
                parameters = rule.Parameters.ToDictionary(p => p.Name, p => ParameterValues.ToText(resolved?.Parameters.Values.GetValueOrDefault(p.Name) ?? p.Default)),
                variant = resolved?.Variant,
                variants = rule.Variants.Select(v => v.Name).ToArray(),
                defaultVariant = rule.DefaultVariant,
                controls = Labels(catalog, rule).ToArray(),
            };
        });
        return JsonSerializer.Serialize(new { rules }, JsonOptions) + "\n";
    }

    private static ResolvedRule? Resolved(ScanConfig config, RuleDefinition rule) =>
        config.Rules.FirstOrDefault(r => string.Equals(r.Id, rule.Id, StringComparison.Ordinal));

    /// <summary>The severity a scan with this config uses: "off" for a disabled rule, "high (rule: low)" for an override.</summary>
    private static string SeverityCell(ScanConfig config, RuleDefinition rule) => Resolved(config, rule) switch
    {
        null => $"off ({rule.Severity.ToText()})",
        { SeverityOverridden: true } resolved => $"{resolved.Severity.ToText()} (rule: {rule.Severity.ToText()})",
        _ => rule.Severity.ToText(),
    };

    private static IEnumerable<string> Labels(RuleCatalog catalog, RuleDefinition rule) =>
        catalog.ControlsFor(rule.Id).Select(c => c.Framework.Label(c.Control));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
