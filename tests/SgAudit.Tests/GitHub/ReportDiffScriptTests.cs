using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.GitHub;

/// <summary>
/// .github/scripts/report-diff.sh on report.json files written by the real CLI: what is new, fixed, or only out of
/// sight because it was not assessed.
/// </summary>
public sealed class ReportDiffScriptTests
{
    [Fact]
    public async Task Should_ListExactlyTheNewAndFixedFindings_When_AnSshRuleBecomesAnRdpRule()
    {
        // Given scans before and after web-sg's SSH rule (22) was changed to RDP (3389)
        using var work = new ScratchDirectory();
        var before = await ScanAsync(work, "before", GitHubFixtures.ModelExample, ExitCodes.FindingsAtOrAboveThreshold);
        var after = await ScanAsync(work, "after", GitHubFixtures.SshMovedToRdp, ExitCodes.FindingsAtOrAboveThreshold);

        // When they are compared
        var (run, outputs) = await DiffAsync(work, "--format", "json", before, after);

        // Then the port 22 findings are fixed, the port 3389 ones new, and the network ACL and egress findings unchanged
        Assert.Equal(0, run.ExitCode);
        using var diff = JsonDocument.Parse(run.Output);
        Assert.Equal(
            ["SGA001 sg-0b2c3d4e5f6071829 tcp 3389", "SGA005 sg-0b2c3d4e5f6071829 tcp 3389", "SGA008 sg-0b2c3d4e5f6071829 tcp 3389", "SGA011 sg-0b2c3d4e5f6071829 tcp 3389"],
            Describe(diff.RootElement.GetProperty("new")));
        Assert.Equal(
            ["SGA001 sg-0b2c3d4e5f6071829 tcp 22", "SGA004 sg-0b2c3d4e5f6071829 tcp 22", "SGA008 sg-0b2c3d4e5f6071829 tcp 22", "SGA011 sg-0b2c3d4e5f6071829 tcp 22"],
            Describe(diff.RootElement.GetProperty("fixed")));
        Assert.Empty(Describe(diff.RootElement.GetProperty("notAssessed")));
        Assert.Equal(2, diff.RootElement.GetProperty("unchanged").GetInt32());
        Assert.False(diff.RootElement.GetProperty("baseline").GetBoolean());

        // And the fingerprints are the reports' own
        Assert.Equal(FingerprintOf(after, "SGA005"), diff.RootElement.GetProperty("new")[1].GetProperty("fingerprint").GetString());
        Assert.Equal(FingerprintOf(before, "SGA004"), diff.RootElement.GetProperty("fixed")[1].GetProperty("fingerprint").GetString());
        Assert.Equal(("4", "4", "0", "false"), (outputs["new"], outputs["fixed"], outputs["not-assessed"], outputs["baseline"]));
    }

    [Fact]
    public async Task Should_WriteAMarkdownSummary_When_NoFormatIsGiven()
    {
        using var work = new ScratchDirectory();
        var before = await ScanAsync(work, "before", GitHubFixtures.ModelExample, ExitCodes.FindingsAtOrAboveThreshold);
        var after = await ScanAsync(work, "after", GitHubFixtures.SshMovedToRdp, ExitCodes.FindingsAtOrAboveThreshold);

        var (run, _) = await DiffAsync(work, before, after);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("**4 new**, **4 fixed**, 2 unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Contains("#### New (4)", run.Output, StringComparison.Ordinal);
        Assert.Contains("| SGA004 | high | 111122223333 | us-east-1 | sg-0b2c3d4e5f6071829 | tcp 22 | 0.0.0.0/0 |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_CallTheScanABaseline_When_ThereIsNoPreviousReport()
    {
        using var work = new ScratchDirectory();
        var current = await ScanAsync(work, "current", GitHubFixtures.ModelExample, ExitCodes.FindingsAtOrAboveThreshold);

        var (json, outputs) = await DiffAsync(work, "--format", "json", "no-such-run/report.json", current);
        var (markdown, _) = await DiffAsync(work, "no-such-run/report.json", current);

        using var diff = JsonDocument.Parse(json.Output);
        Assert.True(diff.RootElement.GetProperty("baseline").GetBoolean());
        Assert.Equal(0, diff.RootElement.GetProperty("new").GetArrayLength());
        Assert.Equal(6, diff.RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(("0", "0", "true"), (outputs["new"], outputs["fixed"], outputs["baseline"]));
        Assert.Contains("this scan is the baseline (6 findings)", markdown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_NotCallFindingsFixed_When_TheirRegionCouldNotBeReadThisTime()
    {
        // Given a scan, then one where the region answered UnauthorizedOperation
        using var work = new ScratchDirectory();
        var before = await ScanAsync(work, "before", GitHubFixtures.ModelExample, ExitCodes.FindingsAtOrAboveThreshold);
        var after = await ScanAsync(work, "after", GitHubFixtures.RegionUnreadable, ExitCodes.NotAssessed);

        var (run, outputs) = await DiffAsync(work, "--format", "json", before, after);

        // Then nothing is fixed: the six findings are out of sight, not gone
        using var diff = JsonDocument.Parse(run.Output);
        Assert.Empty(Describe(diff.RootElement.GetProperty("fixed")));
        Assert.Equal(
            [
                "SGA001 sg-0b2c3d4e5f6071829 tcp 22", "SGA004 sg-0b2c3d4e5f6071829 tcp 22", "SGA008 sg-0b2c3d4e5f6071829 tcp 22", "SGA010 acl-00718293a4b5c6d74 all traffic",
                "SGA011 sg-0b2c3d4e5f6071829 tcp 22", "SGA012 sg-0b2c3d4e5f6071829 all traffic",
            ],
            Describe(diff.RootElement.GetProperty("notAssessed")));
        Assert.Equal(("0", "6"), (outputs["fixed"], outputs["not-assessed"]));
    }

    [Fact]
    public async Task Should_Exit2_When_AFileIsNotAReportJson()
    {
        using var work = new ScratchDirectory();
        var current = await ScanAsync(work, "current", GitHubFixtures.ModelExample, ExitCodes.FindingsAtOrAboveThreshold);
        var sarif = work.Write("other/report.sarif", "{\"version\":\"2.1.0\",\"runs\":[]}");

        var (run, outputs) = await DiffAsync(work, sarif, current);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not an SgAudit report.json", run.Error, StringComparison.Ordinal);
        Assert.Empty(outputs);
    }

    private static async Task<string> ScanAsync(ScratchDirectory work, string name, string model, int expectedExitCode)
    {
        var modelPath = work.Write($"{name}.yaml", model);
        var scan = await ExternalProcess.SgAuditAsync("scan", "--model", modelPath, "--format", "json", "--out", work.Resolve(name));
        Assert.Equal(expectedExitCode, scan.ExitCode);
        return work.Resolve($"{name}/report.json");
    }

    private static async Task<(CliRunResult Run, Dictionary<string, string> Outputs)> DiffAsync(ScratchDirectory work, params string[] args)
    {
        var outputFile = work.Resolve($"github-output-{Guid.NewGuid():N}");
        var run = await BashScript.RunAsync(work.Path, GitHubFiles.ReportDiffScript, new Dictionary<string, string> { ["GITHUB_OUTPUT"] = outputFile }, args);
        return (run, BashScript.ReadOutputs(outputFile));
    }

    private static List<string> Describe(JsonElement findings) =>
        [.. findings.EnumerateArray().Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("resourceId").GetString()} {f.GetProperty("permission").GetString()}")];

    private static string? FingerprintOf(string report, string ruleId)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == ruleId).GetProperty("fingerprint").GetString();
    }
}
