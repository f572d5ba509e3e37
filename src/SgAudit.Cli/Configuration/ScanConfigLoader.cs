using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Collectors.Models;
using SgAudit.Core;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Cli.Configuration;

/// <summary>
/// Reads sgaudit.yaml (docs/config.md) strictly: an unknown key, rule, variant or parameter is an input error with
/// its line, never a silently ignored setting.
/// </summary>
public static class ScanConfigLoader
{
    private static readonly string[] TopLevelKeys = ["version", "failOn", "rules", "customRules", "suppressions"];
    private static readonly string[] RuleKeys = ["enabled", "variant", "parameters", "severity"];

    /// <summary>The built-in defaults, as a scan without --config runs.</summary>
    public static ScanConfig Defaults(RuleCatalog catalog) =>
        new(catalog, RuleSetResolver.Resolve(catalog, ImmutableDictionary<string, RuleSettings>.Empty));

    public static ScanConfig Load(string path, RuleCatalog catalog)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, File.Exists(path) ? $"cannot read the file: {ex.Message}" : "no such file");
        }

        var (json, locator) = YamlDocumentReader.Read(path, new StringReader(text));
        if (json is null)
        {
            return Defaults(catalog) with { File = path };
        }

        if (json is not JsonObject root)
        {
            throw new InputException(path, locator.Describe("$"), "expected a mapping with 'rules', 'customRules' and/or 'failOn'");
        }

        RejectUnknownKeys(path, locator, "$", root, TopLevelKeys);
        if (root["version"] is { } version && version.ToJsonString() != "1")
        {
            throw new InputException(path, locator.Describe("$.version"), $"config version {version.ToJsonString()} is not supported (expected 1)");
        }

        catalog = catalog.WithCustomRules(CustomRuleReader.Read(path, locator, root["customRules"], catalog));
        var settings = ReadRuleSettings(path, locator, root["rules"]);
        ImmutableArray<ResolvedRule> rules;
        try
        {
            rules = RuleSetResolver.Resolve(catalog, settings);
        }
        catch (RuleSettingsException ex)
        {
            var place = ex.Setting.Length == 0 ? $"$.rules.{ex.RuleId}" : $"$.rules.{ex.RuleId}.{ex.Setting}";
            throw new InputException(path, locator.Describe(place), ex.Problem, ex);
        }

        var config = new ScanConfig(catalog, rules) { File = path, Suppressions = SuppressionConfigReader.Read(path, locator, root["suppressions"], catalog, rules) };
        if (root.ContainsKey("failOn"))
        {
            var text2 = root["failOn"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (string.Equals(text2, "none", StringComparison.OrdinalIgnoreCase))
            {
                config = config with { FailOnSet = true, FailOn = null };
            }
            else if (SeverityText.TryParse(text2, out var severity))
            {
                config = config with { FailOnSet = true, FailOn = severity };
            }
            else
            {
                throw new InputException(path, locator.Describe("$.failOn"), $"'{root["failOn"]?.ToJsonString()}' is not critical, high, medium, low or none");
            }
        }

        return config;
    }

    private static Dictionary<string, RuleSettings> ReadRuleSettings(string path, YamlDocumentReader locator, JsonNode? node)
    {
        var settings = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return settings;
        }

        if (node is not JsonObject rules)
        {
            throw new InputException(path, locator.Describe("$.rules"), "expected a mapping of rule ids (e.g. SGA004:) to their settings");
        }

        foreach (var (ruleId, value) in rules)
        {
            var rulePath = $"$.rules.{ruleId}";
            if (value is not JsonObject rule)
            {
                throw new InputException(path, locator.Describe(rulePath), "expected a mapping with enabled, variant, severity and/or parameters");
            }

            RejectUnknownKeys(path, locator, rulePath, rule, RuleKeys);
            bool? enabled = null;
            if (rule.ContainsKey("enabled"))
            {
                enabled = rule["enabled"] is JsonValue e && e.TryGetValue<bool>(out var flag)
                    ? flag
                    : throw new InputException(path, locator.Describe($"{rulePath}.enabled"), "expected true or false");
            }

            string? variant = null;
            if (rule.ContainsKey("variant"))
            {
                variant = rule["variant"] is JsonValue v && v.TryGetValue<string>(out var name)
                    ? name
                    : throw new InputException(path, locator.Describe($"{rulePath}.variant"), "expected a variant name");
            }

            Severity? severity = null;
            if (rule.ContainsKey("severity"))
            {
                severity = rule["severity"] is JsonValue sv && sv.TryGetValue<string>(out var severityText) && SeverityText.TryParse(severityText, out var parsed)
                    ? parsed
                    : throw new InputException(path, locator.Describe($"{rulePath}.severity"), $"'{rule["severity"]?.ToJsonString()}' is not info, low, medium, high or critical");
            }

            settings[ruleId] = new RuleSettings { Enabled = enabled, Variant = variant, Severity = severity, Parameters = ReadParameters(path, locator, rulePath, rule["parameters"]) };
        }

        return settings;
    }

    /// <summary>A rule's <c>parameters</c> mapping (built-in or custom), copied out of the document; null gives none.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="locator">Line lookup for JSON paths.</param>
    /// <param name="rulePath">The JSON path of the rule ($.rules.X or $.customRules.X).</param>
    /// <param name="node">The parameters node, if any.</param>
    internal static ImmutableDictionary<string, JsonNode?> ReadParameters(string path, YamlDocumentReader locator, string rulePath, JsonNode? node)
    {
        if (node is null)
        {
            return ImmutableDictionary<string, JsonNode?>.Empty;
        }

        if (node is not JsonObject parameters)
        {
            throw new InputException(path, locator.Describe($"{rulePath}.parameters"), "expected a mapping of parameter names to values");
        }

        return parameters.ToImmutableDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
    }

    internal static void RejectUnknownKeys(string path, YamlDocumentReader locator, string objectPath, JsonObject obj, string[] allowed)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new InputException(path, locator.Describe($"{objectPath}.{key}"), $"unknown key '{key}' (expected {string.Join(", ", allowed)})");
            }
        }
    }
}
