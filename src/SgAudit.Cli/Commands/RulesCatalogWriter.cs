using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using Spectre.Console;

namespace SgAudit.Cli.Commands;

/// <summary>Prints the rule catalogue with its compliance mappings as a table, Markdown (the README's table) or JSON.</summary>
public static class RulesCatalogWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Default };

    public static void WriteTable(RuleCatalog catalog, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("ID").AddColumn("Title").AddColumn("Severity").AddColumn("Compliance");
        foreach (var rule in catalog.Rules)
        {
            table.AddRow(Markup.Escape(rule.Id), Markup.Escape(rule.Title), Markup.Escape(rule.Severity.ToText()), Markup.Escape(string.Join("\n", Labels(catalog, rule))));
        }

        console.Write(table);
    }

    public static string ToMarkdown(RuleCatalog catalog)
    {
        var builder = new StringBuilder();
        builder.Append("| ID | Slug | Title | Severity | Compliance |\n");
        builder.Append("|---|---|---|---|---|\n");
        foreach (var rule in catalog.Rules)
        {
            var labels = Labels(catalog, rule).ToList();
            var compliance = labels.Count == 0 ? "none (" + Cell(catalog.UnmappedReasons.GetValueOrDefault(rule.Id, "unmapped")) + ")" : string.Join("<br>", labels.Select(Cell));
            builder.Append($"| {rule.Id} | `{rule.Slug}` | {Cell(rule.Title)} | {rule.Severity.ToText()} | {compliance} |\n");
        }

        return builder.ToString();
    }

    public static string ToJson(RuleCatalog catalog)
    {
        var rules = catalog.Rules.Select(rule => new
        {
            id = rule.Id,
            slug = rule.Slug,
            title = rule.Title,
            severity = rule.Severity.ToText(),
            resourceType = rule.ResourceKind.ToTypeName(),
            implementation = rule.Implementation,
            description = rule.Description,
            remediation = rule.Remediation.Text,
            parameters = rule.Parameters.ToDictionary(p => p.Name, p => ParameterValues.ToText(p.Default)),
            variants = rule.Variants.Select(v => v.Name).ToArray(),
            defaultVariant = rule.DefaultVariant,
            controls = Labels(catalog, rule).ToArray(),
        });
        return JsonSerializer.Serialize(new { rules }, JsonOptions) + "\n";
    }

    private static IEnumerable<string> Labels(RuleCatalog catalog, RuleDefinition rule) =>
        catalog.ControlsFor(rule.Id).Select(c => c.Framework.Label(c.Control));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
