using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Collectors.Models;
using SgAudit.Core;
using SgAudit.Core.Rules;

namespace SgAudit.Cli.Configuration;

/// <summary>
/// Reads the <c>customRules</c> section of sgaudit.yaml (docs/custom-rules.md): every key is checked and every
/// problem names the file and line, so a typo never leaves a rule silently inert.
/// </summary>
public static class CustomRuleReader
{
    private static readonly string[] RuleKeys = ["family", "title", "severity", "description", "risk", "message", "remediation", "references", "parameters"];
    private static readonly string[] RemediationKeys = ["text", "cli"];

    public static IReadOnlyList<RuleDefinition> Read(string path, YamlDocumentReader locator, JsonNode? node, RuleCatalog catalog)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject rules)
        {
            throw new InputException(path, locator.Describe("$.customRules"), "expected a mapping of custom rule ids (e.g. ACME001:) to their definitions");
        }

        var definitions = new List<RuleDefinition>();
        foreach (var (id, value) in rules)
        {
            var rulePath = $"$.customRules.{id}";
            if (value is not JsonObject rule)
            {
                throw new InputException(path, locator.Describe(rulePath), "expected a mapping with family, title, severity, remediation and parameters");
            }

            ScanConfigLoader.RejectUnknownKeys(path, locator, rulePath, rule, RuleKeys);
            var (remediation, cli) = ReadRemediation(path, locator, rulePath, rule["remediation"]);
            var spec = new CustomRuleSpec(
                id,
                RequiredText(path, locator, rulePath, rule, "family"),
                RequiredText(path, locator, rulePath, rule, "title"),
                RequiredText(path, locator, rulePath, rule, "severity"),
                remediation)
            {
                Description = OptionalText(path, locator, rulePath, rule, "description"),
                Risk = OptionalText(path, locator, rulePath, rule, "risk"),
                Message = OptionalText(path, locator, rulePath, rule, "message"),
                RemediationCli = cli,
                References = ReadReferences(path, locator, rulePath, rule["references"]),
                Parameters = ScanConfigLoader.ReadParameters(path, locator, rulePath, rule["parameters"]),
            };

            // Each rule is checked against the catalogue including the custom rules before it, so duplicates are caught.
            var known = catalog.WithCustomRules(definitions);
            try
            {
                definitions.Add(CustomRuleFactory.Create(known, spec, Path.GetFileName(path)));
            }
            catch (RuleSettingsException ex)
            {
                var place = ex.Setting.Length == 0 ? rulePath : $"{rulePath}.{ex.Setting}";
                throw new InputException(path, locator.Describe(place), ex.Problem, ex);
            }
        }

        return definitions;
    }

    private static string RequiredText(string path, YamlDocumentReader locator, string rulePath, JsonObject rule, string key) =>
        OptionalText(path, locator, rulePath, rule, key)
        ?? throw new InputException(path, locator.Describe(rulePath), $"a custom rule needs '{key}'");

    private static string? OptionalText(string path, YamlDocumentReader locator, string rulePath, JsonObject rule, string key)
    {
        if (!rule.ContainsKey(key))
        {
            return null;
        }

        return rule[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0
            ? text
            : throw new InputException(path, locator.Describe($"{rulePath}.{key}"), $"expected non-empty text for '{key}'");
    }

    private static (string Text, string? Cli) ReadRemediation(string path, YamlDocumentReader locator, string rulePath, JsonNode? node)
    {
        var place = $"{rulePath}.remediation";
        switch (node)
        {
            case null:
                throw new InputException(path, locator.Describe(rulePath), "a custom rule needs 'remediation' (how to fix a finding)");
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Trim().Length > 0:
                return (text, null);
            case JsonObject remediation:
                ScanConfigLoader.RejectUnknownKeys(path, locator, place, remediation, RemediationKeys);
                var fix = OptionalText(path, locator, place, remediation, "text")
                    ?? throw new InputException(path, locator.Describe(place), "remediation needs 'text'");
                return (fix, OptionalText(path, locator, place, remediation, "cli"));
            default:
                throw new InputException(path, locator.Describe(place), "expected text, or a mapping with text and cli");
        }
    }

    private static ImmutableArray<string> ReadReferences(string path, YamlDocumentReader locator, string rulePath, JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        var place = $"{rulePath}.references";
        if (node is not JsonArray items)
        {
            throw new InputException(path, locator.Describe(place), "expected a list of https:// links");
        }

        var references = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var ok = items[i] is JsonValue value && value.TryGetValue<string>(out var link)
                && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            if (!ok)
            {
                throw new InputException(path, locator.Describe($"{place}[{i}]"), "expected an http(s) link");
            }

            references.Add(items[i]!.GetValue<string>());
        }

        return references.ToImmutable();
    }
}
