using SgAudit.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace SgAudit.Tests.GitHub;

/// <summary>
/// Runs the composite action's scan step (.github/scripts/action-scan.sh) as GitHub would: every input as INPUT_*
/// with action.yml's defaults unless the test gives a value, the CLI built beside the tests, and temporary files
/// for $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY.
/// </summary>
internal static class ActionScanStep
{
    public static async Task<ActionScanRun> RunAsync(ScratchDirectory workspace, IReadOnlyDictionary<string, string> inputs)
    {
        var outputFile = workspace.Resolve($"github-output-{Guid.NewGuid():N}");
        var summaryFile = workspace.Resolve($"step-summary-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SGAUDIT_DLL"] = ExternalProcess.SgAuditDll,
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = summaryFile,
        };
        foreach (var input in GitHubFiles.Action().Root.Mapping("inputs").Children)
        {
            var name = ((YamlScalarNode)input.Key).Value!;
            environment["INPUT_" + name.ToUpperInvariant().Replace('-', '_')] = inputs.GetValueOrDefault(name) ?? ((YamlMappingNode)input.Value).Scalar("default") ?? "";
        }

        Assert.All(inputs.Keys, name => Assert.Contains("INPUT_" + name.ToUpperInvariant().Replace('-', '_'), environment.Keys));
        var process = await BashScript.RunAsync(workspace.Path, GitHubFiles.ActionScanScript, environment);
        var summary = File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile) : "";
        return new ActionScanRun(process, BashScript.ReadOutputs(outputFile), summary);
    }
}
