using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SgAudit.Reporting.Sarif;

/// <summary>
/// Checks rendered SARIF against what GitHub code scanning rejects (docs/sarif-github.md §2, §5.3): one bad result
/// fails a whole upload, so a template that renders anything questionable must fail here instead.
/// </summary>
internal static class SarifValidator
{
    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "none", "note", "warning", "error" };

    /// <summary>The problems found, at most <paramref name="maxProblems"/>; empty when GitHub would accept the file.</summary>
    public static IReadOnlyList<string> Validate(ReadOnlyMemory<byte> sarif, SarifLimits limits, int maxProblems = 10) =>
        Validate(new ReadOnlySequence<byte>(sarif), limits, maxProblems);

    /// <inheritdoc cref="Validate(ReadOnlyMemory{byte}, SarifLimits, int)"/>
    public static IReadOnlyList<string> Validate(ReadOnlySequence<byte> sarif, SarifLimits limits, int maxProblems = 10)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(sarif, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            return [$"the output is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {ex.Message}"];
        }

        using (document)
        {
            var problems = new List<string>();
            CheckLog(document.RootElement, limits, problems);
            return problems.Count > maxProblems ? [.. problems.Take(maxProblems), $"… and {problems.Count - maxProblems} more"] : problems;
        }
    }

    private static void CheckLog(JsonElement log, SarifLimits limits, List<string> problems)
    {
        if (log.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the top level is not a JSON object");
            return;
        }

        if (StringProperty(log, "$schema") is not { Length: > 0 } schema || !(schema.EndsWith("2.1.0", StringComparison.Ordinal) || schema.EndsWith("2.1.0.json", StringComparison.Ordinal)))
        {
            problems.Add("$schema is missing or does not name SARIF 2.1.0");
        }

        if (StringProperty(log, "version") != "2.1.0")
        {
            problems.Add("version is not \"2.1.0\"");
        }

        if (!log.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            problems.Add("runs is missing or not an array");
            return;
        }

        if (runs.GetArrayLength() > limits.MaxRuns)
        {
            problems.Add($"{runs.GetArrayLength()} runs; GitHub accepts at most {limits.MaxRuns}");
        }

        var categories = new HashSet<string>(StringComparer.Ordinal);
        var r = 0;
        foreach (var run in runs.EnumerateArray())
        {
            CheckRun(run, $"runs[{r}]", limits, categories, problems);
            r++;
        }
    }

    private static void CheckRun(JsonElement run, string path, SarifLimits limits, HashSet<string> categories, List<string> problems)
    {
        if (run.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} is not an object");
            return;
        }

        var driver = run.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("driver", out var d) ? d : default;
        if (driver.ValueKind != JsonValueKind.Object || StringProperty(driver, "name") is not { Length: > 0 } toolName)
        {
            problems.Add($"{path}.tool.driver.name is missing");
            return;
        }

        // GitHub refuses two runs of one tool with the same category (everything before the last '/').
        var automationId = run.TryGetProperty("automationDetails", out var automation) && automation.ValueKind == JsonValueKind.Object ? StringProperty(automation, "id") ?? "" : "";
        var category = automationId.LastIndexOf('/') is var slash and >= 0 ? automationId[..slash] : "";
        if (!categories.Add(toolName + "\n" + category))
        {
            problems.Add($"{path}.automationDetails.id '{automationId}' repeats the category of an earlier run");
        }

        var ruleIds = new List<string>();
        if (!driver.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}.tool.driver.rules is missing or not an array");
        }
        else
        {
            var i = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                ruleIds.Add(CheckRule(rule, $"{path}.tool.driver.rules[{i}]", problems));
                i++;
            }
        }

        if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}.results is missing or not an array");
            return;
        }

        if (results.GetArrayLength() > limits.MaxResultsPerRun)
        {
            problems.Add($"{path} has {results.GetArrayLength()} results; GitHub accepts at most {limits.MaxResultsPerRun} per run");
        }

        var n = 0;
        foreach (var result in results.EnumerateArray())
        {
            CheckResult(result, $"{path}.results[{n}]", ruleIds, problems);
            n++;
        }
    }

    private static string CheckRule(JsonElement rule, string path, List<string> problems)
    {
        var id = rule.ValueKind == JsonValueKind.Object ? StringProperty(rule, "id") : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"{path}.id is missing");
            return "";
        }

        foreach (var text in new[] { "shortDescription", "fullDescription", "help" })
        {
            if (!rule.TryGetProperty(text, out var message) || message.ValueKind != JsonValueKind.Object || string.IsNullOrWhiteSpace(StringProperty(message, "text")))
            {
                problems.Add($"{path}.{text}.text is missing (rule {id})");
            }
        }

        if (rule.TryGetProperty("defaultConfiguration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
            && StringProperty(configuration, "level") is { } level && !Levels.Contains(level))
        {
            problems.Add($"{path}.defaultConfiguration.level '{level}' is not none, note, warning or error (rule {id})");
        }

        if (rule.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            if (properties.TryGetProperty("security-severity", out var severity))
            {
                if (severity.ValueKind != JsonValueKind.String
                    || !decimal.TryParse(severity.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score)
                    || score is < 0.1m or > 10m)
                {
                    problems.Add($"{path}.properties.security-severity must be a string holding a number from 0.1 to 10 (rule {id})");
                }
            }

            if (properties.TryGetProperty("tags", out var tags))
            {
                var values = tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null).ToList() : null;
                if (values is null || values.Any(v => v is null) || values.Count > 20 || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
                {
                    problems.Add($"{path}.properties.tags must be at most 20 distinct strings (rule {id})");
                }
            }
        }

        return id;
    }

    private static void CheckResult(JsonElement result, string path, List<string> ruleIds, List<string> problems)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} is not an object");
            return;
        }

        if (!result.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object || string.IsNullOrWhiteSpace(StringProperty(message, "text")))
        {
            problems.Add($"{path}.message.text is missing or blank");
        }

        var ruleId = StringProperty(result, "ruleId");
        if (result.TryGetProperty("ruleIndex", out var ruleIndex))
        {
            if (ruleIndex.ValueKind != JsonValueKind.Number || !ruleIndex.TryGetInt32(out var index) || index < 0 || index >= ruleIds.Count)
            {
                problems.Add($"{path}.ruleIndex is not an index into tool.driver.rules");
            }
            else if (ruleId is not null && ruleIds[index] != ruleId)
            {
                problems.Add($"{path}.ruleIndex {index} is rule {ruleIds[index]}, not {ruleId}");
            }
        }
        else if (ruleId is not null && !ruleIds.Contains(ruleId))
        {
            problems.Add($"{path}.ruleId {ruleId} is not in tool.driver.rules");
        }

        if (result.TryGetProperty("level", out var level) && (level.ValueKind != JsonValueKind.String || !Levels.Contains(level.GetString()!)))
        {
            problems.Add($"{path}.level is not none, note, warning or error");
        }

        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0)
        {
            problems.Add($"{path}.locations is missing or empty");
        }
        else
        {
            CheckLocation(locations[0], $"{path}.locations[0]", problems);
        }

        if (!result.TryGetProperty("partialFingerprints", out var fingerprints) || fingerprints.ValueKind != JsonValueKind.Object
            || string.IsNullOrWhiteSpace(StringProperty(fingerprints, "primaryLocationLineHash")))
        {
            problems.Add($"{path}.partialFingerprints.primaryLocationLineHash is missing");
        }
    }

    private static void CheckLocation(JsonElement location, string path, List<string> problems)
    {
        var physical = location.ValueKind == JsonValueKind.Object && location.TryGetProperty("physicalLocation", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        if (physical.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}.physicalLocation is missing");
            return;
        }

        var uri = physical.TryGetProperty("artifactLocation", out var artifact) && artifact.ValueKind == JsonValueKind.Object ? StringProperty(artifact, "uri") : null;
        if (string.IsNullOrEmpty(uri))
        {
            problems.Add($"{path}.physicalLocation.artifactLocation.uri is missing or empty");
        }
        else if (uri.Contains(':', StringComparison.Ordinal) || uri.StartsWith('/') || uri.Contains(' ', StringComparison.Ordinal)
            || uri.Contains('\\', StringComparison.Ordinal) || uri.Split('/').Any(s => s is "." or "..")
            || !Uri.TryCreate(uri, UriKind.Relative, out _))
        {
            problems.Add($"{path}.physicalLocation.artifactLocation.uri '{uri}' is not a relative path without ':', spaces, '\\', '.' or '..' segments");
        }

        if (!physical.TryGetProperty("region", out var region) || region.ValueKind != JsonValueKind.Object
            || !region.TryGetProperty("startLine", out var startLine) || startLine.ValueKind != JsonValueKind.Number
            || !startLine.TryGetInt32(out var line) || line < 1)
        {
            problems.Add($"{path}.physicalLocation.region.startLine is missing or below 1");
        }
    }

    private static string? StringProperty(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
