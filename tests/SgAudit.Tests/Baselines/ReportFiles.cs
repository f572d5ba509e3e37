using System.Text.Json;
using System.Text.Json.Nodes;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Baselines;

/// <summary>Scans a model into a folder of the scratch directory with the real CLI, and reads what it wrote.</summary>
internal static class ReportFiles
{
    /// <summary>Scans <paramref name="model"/> into <c>name/</c> and returns the run and the report.json path.</summary>
    public static async Task<(CliRun Run, string Report)> ScanAsync(ScratchDirectory work, string name, string model, params string[] extra)
    {
        var modelPath = work.Write($"{name}.yaml", model);
        var run = await CliRunner.RunAsync(["scan", "--model", modelPath, "--out", work.Resolve(name), "--format", "json", .. extra]);
        return (run, work.Resolve($"{name}/report.json"));
    }

    public static JsonDocument Json(string path) => JsonDocument.Parse(File.ReadAllText(path));

    /// <summary>"SGA001 sg-… tcp 22 0.0.0.0/0" for each finding-shaped element.</summary>
    public static List<string> Describe(JsonElement findings) => [.. Findings(findings).Select(f => f.Text)];

    /// <summary>The findings of a report.json, in its order.</summary>
    public static List<FindingRow> Findings(string reportPath)
    {
        using var json = Json(reportPath);
        return Findings(json.RootElement.GetProperty("findings"));
    }

    /// <summary>Each finding-shaped element of an array (report.json's findings, a baseline's fixed, a diff's new …).</summary>
    public static List<FindingRow> Findings(JsonElement findings) =>
    [
        .. findings.EnumerateArray().Select(f =>
        {
            var evidence = f.GetProperty("evidence");
            var permission = evidence.GetProperty("permission").GetString()!;
            var source = evidence.GetProperty("source").GetString()!;
            return new FindingRow(
                $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("resourceId").GetString()} {permission} {source}",
                f.GetProperty("fingerprint").GetString()!,
                f.GetProperty("severity").GetString()!,
                permission,
                source,
                f.TryGetProperty("baseline", out var state) ? state.GetString() : null);
        }),
    ];

    /// <summary>A copy of a report.json with <paramref name="change"/> applied, written to <paramref name="relativePath"/>.</summary>
    public static string Corrupt(ScratchDirectory work, string report, string relativePath, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(report))!.AsObject();
        change(root);
        return work.Write(relativePath, root.ToJsonString());
    }
}
