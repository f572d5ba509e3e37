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

    /// <summary>"SGA001 sg-… ingress tcp 22 0.0.0.0/0" for each finding-shaped element.</summary>
    public static List<string> Describe(JsonElement findings) =>
    [
        .. findings.EnumerateArray().Select(f =>
        {
            var evidence = f.GetProperty("evidence");
            return $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("resourceId").GetString()} {evidence.GetProperty("permission").GetString()} {evidence.GetProperty("source").GetString()}";
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
