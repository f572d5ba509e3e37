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
    /// <remarks>
    /// Streams: the log is read with a <see cref="Utf8JsonReader"/>; results are checked as they are read, and only the
    /// tool and each rule become a small <see cref="JsonDocument"/>. A whole-file document of a 75 MB log costs a copy of it and an index larger than
    /// it, all large-object garbage that forced full collections at 100,000 groups (docs/performance.md).
    /// </remarks>
    public static IReadOnlyList<string> Validate(ReadOnlySequence<byte> sarif, SarifLimits limits, int maxProblems = 10)
    {
        var problems = new List<string>();
        var reader = new Utf8JsonReader(sarif, new JsonReaderOptions { MaxDepth = 128 });
        try
        {
            CheckLog(ref reader, sarif, limits, problems);
            if (reader.Read())
            {
                problems.Clear(); // unreachable in practice: the reader rejects a second top-level value itself
                return ["the output is not valid JSON: there is more after the top-level value"];
            }
        }
        catch (JsonException ex)
        {
            return [$"the output is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {ex.Message}"];
        }

        return problems.Count > maxProblems ? [.. problems.Take(maxProblems), $"… and {problems.Count - maxProblems} more"] : problems;
    }

    private static void CheckLog(ref Utf8JsonReader reader, ReadOnlySequence<byte> log, SarifLimits limits, List<string> problems)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add("the top level is not a JSON object");
            reader.Skip();
            return;
        }

        string? schema = null;
        string? version = null;
        var runsIsArray = false;
        var runCount = 0;
        var runProblems = new List<string>();
        var categories = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "$schema":
                    schema = ReadStringValue(ref reader);
                    break;
                case "version":
                    version = ReadStringValue(ref reader);
                    break;
                case "runs":
                    reader.Read();
                    runsIsArray = reader.TokenType == JsonTokenType.StartArray;
                    if (!runsIsArray)
                    {
                        reader.Skip();
                        break;
                    }

                    runProblems.Clear(); // a repeated key: the last one counts, as it would in a parsed document
                    categories.Clear();
                    runCount = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        CheckRun(ref reader, log, $"runs[{runCount}]", limits, categories, runProblems);
                        runCount++;
                    }

                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
            }
        }

        if (schema is not { Length: > 0 } || !(schema.EndsWith("2.1.0", StringComparison.Ordinal) || schema.EndsWith("2.1.0.json", StringComparison.Ordinal)))
        {
            problems.Add("$schema is missing or does not name SARIF 2.1.0");
        }

        if (version != "2.1.0")
        {
            problems.Add("version is not \"2.1.0\"");
        }

        if (!runsIsArray)
        {
            problems.Add("runs is missing or not an array");
            return;
        }

        if (runCount > limits.MaxRuns)
        {
            problems.Add($"{runCount} runs; GitHub accepts at most {limits.MaxRuns}");
        }

        problems.AddRange(runProblems);
    }

    /// <summary>
    /// One run, in the order the checks have always reported: the driver's name (nothing else when it is missing),
    /// the category, the rules, the results' count, then each result. Results are checked one by one as they stream
    /// past when the tool came first (as SgAudit's template writes it); otherwise they are kept until the tool is known.
    /// </summary>
    private static void CheckRun(ref Utf8JsonReader reader, ReadOnlySequence<byte> log, string path, SarifLimits limits, HashSet<string> categories, List<string> problems)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add($"{path} is not an object");
            reader.Skip();
            return;
        }

        JsonDocument? tool = null;
        JsonDocument? automation = null;
        (SequencePosition Position, JsonReaderState State)? laterResults = null;
        RunDriver? driver = null;
        var resultsIsArray = false;
        var resultCount = 0;
        var resultProblems = new List<string>();
        try
        {
            while (NextProperty(ref reader, out var name))
            {
                reader.Read();
                switch (name)
                {
                    case "tool":
                        tool?.Dispose();
                        tool = JsonDocument.ParseValue(ref reader);
                        driver = null;
                        break;
                    case "automationDetails":
                        automation?.Dispose();
                        automation = JsonDocument.ParseValue(ref reader);
                        break;
                    case "results" when reader.TokenType != JsonTokenType.StartArray:
                        resultsIsArray = false;
                        reader.Skip();
                        break;
                    case "results" when tool is not null:
                        driver ??= ReadDriver(tool.RootElement, path);
                        resultsIsArray = true;
                        resultProblems.Clear();
                        resultCount = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (driver.Name is null)
                            {
                                reader.Skip(); // the run is reported for its driver only
                            }
                            else
                            {
                                CheckResult(ref reader, path, resultCount, driver.RuleIds, resultProblems);
                            }

                            resultCount++;
                        }

                        break;
                    case "results":
                        // The tool comes later: note where the results start and check them once the rules are known.
                        laterResults = (reader.Position, reader.CurrentState);
                        reader.Skip();
                        resultsIsArray = true;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            driver = tool is null ? new RunDriver(null, [], []) : driver ?? ReadDriver(tool.RootElement, path);
            if (driver.Name is null)
            {
                problems.Add($"{path}.tool.driver.name is missing");
                return;
            }

            // GitHub refuses two runs of one tool with the same category (everything before the last '/').
            var automationId = automation is { RootElement.ValueKind: JsonValueKind.Object } ? StringProperty(automation.RootElement, "id") ?? "" : "";
            var category = automationId.LastIndexOf('/') is var slash and >= 0 ? automationId[..slash] : "";
            if (!categories.Add(driver.Name + "\n" + category))
            {
                problems.Add($"{path}.automationDetails.id '{automationId}' repeats the category of an earlier run");
            }

            problems.AddRange(driver.Problems);
            if (laterResults is { } start)
            {
                resultCount = 0;
                var results = new Utf8JsonReader(log.Slice(start.Position), isFinalBlock: true, start.State);
                while (results.Read() && results.TokenType != JsonTokenType.EndArray)
                {
                    CheckResult(ref results, path, resultCount, driver.RuleIds, resultProblems);
                    resultCount++;
                }
            }

            if (!resultsIsArray)
            {
                problems.Add($"{path}.results is missing or not an array");
                return;
            }

            if (resultCount > limits.MaxResultsPerRun)
            {
                problems.Add($"{path} has {resultCount} results; GitHub accepts at most {limits.MaxResultsPerRun} per run");
            }

            problems.AddRange(resultProblems);
        }
        finally
        {
            tool?.Dispose();
            automation?.Dispose();
        }
    }

    /// <summary>The driver's name (null when missing), its rule ids by index and the problems with its rules.</summary>
    private static RunDriver ReadDriver(JsonElement tool, string path)
    {
        var driver = tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("driver", out var d) ? d : default;
        if (driver.ValueKind != JsonValueKind.Object || StringProperty(driver, "name") is not { Length: > 0 } toolName)
        {
            return new RunDriver(null, [], []);
        }

        var ruleIds = new List<string>();
        var problems = new List<string>();
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

        return new RunDriver(toolName, ruleIds, problems);
    }

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        name = "";
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        name = reader.GetString()!;
        return true;
    }

    /// <summary>The next value if it is a string; any other value is skipped and gives null.</summary>
    private static string? ReadStringValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
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

    /// <summary>
    /// One result, read straight off the reader (a document per result cost more than rendering a 50,000-result log);
    /// the problems come in a fixed order whatever the order of the members. The path is formatted only for a problem.
    /// </summary>
    private static void CheckResult(ref Utf8JsonReader reader, string runPath, int index, List<string> ruleIds, List<string> problems)
    {
        string Path() => $"{runPath}.results[{index}]";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add($"{Path()} is not an object");
            reader.Skip();
            return;
        }

        var messageOk = false;
        string? ruleId = null;
        var hasRuleIndex = false;
        int? ruleIndex = null;
        var hasLevel = false;
        var levelOk = false;
        var locationCount = -1;
        LocationFacts first = default;
        var fingerprintOk = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                messageOk = reader.TokenType == JsonTokenType.StartObject && !string.IsNullOrWhiteSpace(ReadStringMember(ref reader, "text"u8));
                SkipIfNotDone(ref reader);
            }
            else if (reader.ValueTextEquals("ruleId"u8))
            {
                ruleId = ReadStringValue(ref reader);
            }
            else if (reader.ValueTextEquals("ruleIndex"u8))
            {
                reader.Read();
                hasRuleIndex = true;
                ruleIndex = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("level"u8))
            {
                hasLevel = true;
                var level = ReadStringValue(ref reader);
                levelOk = level is not null && Levels.Contains(level);
            }
            else if (reader.ValueTextEquals("locations"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    locationCount = -1;
                    reader.Skip();
                    continue;
                }

                locationCount = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (locationCount == 0)
                    {
                        first = ReadLocation(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    locationCount++;
                }
            }
            else if (reader.ValueTextEquals("partialFingerprints"u8))
            {
                reader.Read();
                fingerprintOk = reader.TokenType == JsonTokenType.StartObject && !string.IsNullOrWhiteSpace(ReadStringMember(ref reader, "primaryLocationLineHash"u8));
                SkipIfNotDone(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!messageOk)
        {
            problems.Add($"{Path()}.message.text is missing or blank");
        }

        if (hasRuleIndex)
        {
            if (ruleIndex is not { } i || i < 0 || i >= ruleIds.Count)
            {
                problems.Add($"{Path()}.ruleIndex is not an index into tool.driver.rules");
            }
            else if (ruleId is not null && ruleIds[i] != ruleId)
            {
                problems.Add($"{Path()}.ruleIndex {i} is rule {ruleIds[i]}, not {ruleId}");
            }
        }
        else if (ruleId is not null && !ruleIds.Contains(ruleId))
        {
            problems.Add($"{Path()}.ruleId {ruleId} is not in tool.driver.rules");
        }

        if (hasLevel && !levelOk)
        {
            problems.Add($"{Path()}.level is not none, note, warning or error");
        }

        if (locationCount <= 0)
        {
            problems.Add($"{Path()}.locations is missing or empty");
        }
        else
        {
            CheckLocation(first, $"{Path()}.locations[0]", problems);
        }

        if (!fingerprintOk)
        {
            problems.Add($"{Path()}.partialFingerprints.primaryLocationLineHash is missing");
        }
    }

    /// <summary>
    /// Reads an object (the reader on its start) up to the member <paramref name="name"/>, returning its value when it
    /// is a string; the reader is left inside the object, on that value, or at the object's end.
    /// </summary>
    private static string? ReadStringMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String)
            {
                found ??= reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }

    /// <summary>After <see cref="ReadStringMember"/>: skips a value that was not an object (an object is already read to its end).</summary>
    private static void SkipIfNotDone(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    private static LocationFacts ReadLocation(ref Utf8JsonReader reader)
    {
        var facts = default(LocationFacts);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return facts;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var physical = reader.ValueTextEquals("physicalLocation"u8);
            reader.Read();
            if (!physical || reader.TokenType != JsonTokenType.StartObject || facts.HasPhysicalLocation)
            {
                reader.Skip();
                continue;
            }

            facts = facts with { HasPhysicalLocation = true };
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var artifact = reader.ValueTextEquals("artifactLocation"u8);
                var region = reader.ValueTextEquals("region"u8);
                reader.Read();
                if (artifact && reader.TokenType == JsonTokenType.StartObject)
                {
                    facts = facts with { Uri = ReadStringMember(ref reader, "uri"u8) };
                }
                else if (region && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var startLine = reader.ValueTextEquals("startLine"u8);
                        reader.Read();
                        if (startLine && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var line))
                        {
                            facts = facts with { StartLine = line };
                        }

                        reader.Skip();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return facts;
    }

    private static void CheckLocation(LocationFacts location, string path, List<string> problems)
    {
        if (!location.HasPhysicalLocation)
        {
            problems.Add($"{path}.physicalLocation is missing");
            return;
        }

        CheckUri(location.Uri, path, problems);
        if (location.StartLine is not >= 1)
        {
            problems.Add($"{path}.physicalLocation.region.startLine is missing or below 1");
        }
    }

    private static void CheckUri(string? uri, string path, List<string> problems)
    {
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
    }

    private static string? StringProperty(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>What the checks need of a result's first location.</summary>
    private readonly record struct LocationFacts(bool HasPhysicalLocation, string? Uri, int? StartLine);

    /// <summary>A run's tool as the result checks need it.</summary>
    private sealed record RunDriver(string? Name, List<string> RuleIds, List<string> Problems);
}
