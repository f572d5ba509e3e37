using System.Globalization;
using System.Text.Json;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.GitHub;

/// <summary>The composite action's scan step, run for real against the CLI: inputs to options, outputs, gate.</summary>
public sealed class ActionScanScriptTests
{
    [Fact]
    public async Task Should_SetExitCode1AndTheCountsOfReportJson_When_FindingsAreAtOrAboveFailOn()
    {
        // Given the model example, which has one critical, two high and one medium finding
        using var work = new ScratchDirectory();
        work.Write("model.yaml", GitHubFixtures.ModelExample);

        // When the action scans it for SARIF only, failing on high
        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "model.yaml", ["fail-on"] = "high", ["formats"] = "sarif" });

        // Then the step succeeds with exit-code 1 (the gate step fails the job), report.json is added for the counts,
        // and the counts are report.json's
        Assert.Equal(0, run.Process.ExitCode);
        Assert.Contains("::error::SgAudit: findings at or above the fail-on severity (exit 1)", run.Process.Output, StringComparison.Ordinal);
        Assert.Equal("1", run.Outputs["exit-code"]);
        Assert.Equal("sgaudit-report", run.Outputs["report-dir"]);
        Assert.Equal("sgaudit-report/report.sarif", run.Outputs["sarif"]);
        Assert.Equal("sgaudit-report/report.json", run.Outputs["json"]);
        Assert.Equal("", run.Outputs["html"]);
        Assert.Equal("", run.Outputs["markdown"]);
        Assert.True(File.Exists(work.Resolve(run.Outputs["sarif"])));
        using var report = JsonDocument.Parse(work.Read("sgaudit-report/report.json"));
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(summary.GetProperty("findings").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["findings"]);
        Assert.Equal(
            ("6", "4", "1", "3", "1", "1", "0", "false"),
            (run.Outputs["findings"], run.Outputs["gate-findings"], run.Outputs["critical"], run.Outputs["high"], run.Outputs["medium"], run.Outputs["low"], run.Outputs["info"], run.Outputs["partial"]));
        Assert.False(run.Outputs.ContainsKey("new"));
    }

    [Fact]
    public async Task Should_SetExitCode0AndWriteEveryReportAndTheJobSummary_When_FailOnIsNone()
    {
        using var work = new ScratchDirectory();
        work.Write("model.yaml", GitHubFixtures.ModelExample);

        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "model.yaml", ["fail-on"] = "none", ["out"] = "reports/sg" });

        Assert.Equal("0", run.Outputs["exit-code"]);
        Assert.Equal(
            ["reports/sg/report.html", "reports/sg/report.sarif", "reports/sg/report.json", "reports/sg/summary.md"],
            new[] { run.Outputs["html"], run.Outputs["sarif"], run.Outputs["json"], run.Outputs["markdown"] });
        Assert.All(new[] { "html", "sarif", "json", "markdown" }, name => Assert.True(File.Exists(work.Resolve(run.Outputs[name]))));
        Assert.Equal("0", run.Outputs["gate-findings"]);
        Assert.Equal(work.Read("reports/sg/summary.md"), run.Summary);
        Assert.DoesNotContain("::error::", run.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SetExitCode2AndNoCounts_When_TheInputIsBadEvenIfAnOldReportIsInTheFolder()
    {
        // Given a report left in the output folder by an earlier run
        using var work = new ScratchDirectory();
        work.Write("sgaudit-report/report.json", "{\"schemaVersion\":\"1\",\"summary\":{\"findings\":99}}");

        // When the model does not exist
        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "missing.yaml" });

        // Then the outputs say so, and nothing is read from the stale report
        Assert.Equal("2", run.Outputs["exit-code"]);
        Assert.Equal("", run.Outputs["json"]);
        Assert.False(run.Outputs.ContainsKey("findings"));
        Assert.Contains("::error::SgAudit: usage or input error", run.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PassInputsAsPlainArguments_When_AnInputContainsShellSyntax()
    {
        // Given inputs that would run commands if they were pasted into the script
        using var work = new ScratchDirectory();
        work.Write("model.yaml", GitHubFixtures.ModelExample);
        var inputs = new Dictionary<string, string>
        {
            ["model"] = "model.yaml",
            ["regions"] = "us-east-1$(touch pwned-regions)",
            ["config"] = "\"; touch pwned-config; echo \"",
        };

        // When the step runs
        var run = await ActionScanStep.RunAsync(work, inputs);

        // Then sgaudit receives them verbatim and rejects them; no command ran
        Assert.Equal("2", run.Outputs["exit-code"]);
        Assert.False(File.Exists(work.Resolve("pwned-regions")));
        Assert.False(File.Exists(work.Resolve("pwned-config")));
        Assert.Contains("us-east-1$(touch pwned-regions)", run.Process.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SetExitCode3UnlessAllowPartial_When_ARegionCannotBeRead()
    {
        using var work = new ScratchDirectory();
        work.Write("model.yaml", GitHubFixtures.RegionUnreadable);

        var strict = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "model.yaml", ["fail-on"] = "none" });
        var allowed = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "model.yaml", ["fail-on"] = "none", ["allow-partial"] = "true" });

        // Not assessed is never a pass: exit 3, partial=true (the workflows skip the SARIF upload then)
        Assert.Equal(("3", "true"), (strict.Outputs["exit-code"], strict.Outputs["partial"]));
        Assert.Contains("::error::SgAudit: part of the scope was not assessed (exit 3)", strict.Process.Output, StringComparison.Ordinal);
        Assert.Equal(("0", "true"), (allowed.Outputs["exit-code"], allowed.Outputs["partial"]));
    }

    [Fact]
    public async Task Should_ReportNewAndFixedFindings_When_APreviousReportIsGiven()
    {
        // Given the report of an earlier scan
        using var work = new ScratchDirectory();
        work.Write("before.yaml", GitHubFixtures.ModelExample);
        work.Write("after.yaml", GitHubFixtures.SshMovedToRdp);
        var first = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "before.yaml", ["formats"] = "json", ["out"] = "first" });
        Assert.Equal("1", first.Outputs["exit-code"]);

        // When the changed model is scanned against it
        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "after.yaml", ["previous-report"] = "first/report.json" });

        // Then the outputs count the changes (sgaudit diff), the job summary shows them after summary.md, and the gate
        // is not changed by them: every finding at or above fail-on still counts
        Assert.Equal(("4", "4", "0", "false"), (run.Outputs["new"], run.Outputs["fixed"], run.Outputs["not-assessed"], run.Outputs["baseline"]));
        Assert.Equal("1", run.Outputs["exit-code"]);
        Assert.Equal("sgaudit-report/diff.md", run.Outputs["diff"]);
        Assert.StartsWith(work.Read("sgaudit-report/summary.md"), run.Summary, StringComparison.Ordinal);
        Assert.Contains("**4 new**, **4 fixed**, 2 unchanged.", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| high | SGA005 | 111122223333 / us\\-east\\-1 | sg\\-0b2c3d4e5f6071829 (web\\-sg) | ingress tcp 3389 | 0\\.0\\.0\\.0/0 |", work.Read("sgaudit-report/diff.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_CallTheScanTheBaseline_When_ThePreviousReportDoesNotExist()
    {
        using var work = new ScratchDirectory();
        work.Write("model.yaml", GitHubFixtures.ModelExample);

        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "model.yaml", ["previous-report"] = "previous/report.json" });

        Assert.Equal(("0", "0", "0", "true"), (run.Outputs["new"], run.Outputs["fixed"], run.Outputs["not-assessed"], run.Outputs["baseline"]));
        Assert.Contains($"No previous report to compare with: this scan is the baseline ({run.Outputs["findings"]} findings).", work.Read("sgaudit-report/diff.md"), StringComparison.Ordinal);
        Assert.Equal("1", run.Outputs["exit-code"]);
    }

    [Fact]
    public async Task Should_NotCallFindingsFixed_When_TheirRegionCouldNotBeReadThisTime()
    {
        using var work = new ScratchDirectory();
        work.Write("before.yaml", GitHubFixtures.ModelExample);
        work.Write("after.yaml", GitHubFixtures.RegionUnreadable);
        var first = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "before.yaml", ["formats"] = "json", ["out"] = "first" });

        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "after.yaml", ["previous-report"] = "first/report.json" });

        // Every finding of the earlier scan is out of sight, none fixed; the scan itself is incomplete (exit 3)
        Assert.Equal(("0", "0", first.Outputs["findings"], "false"), (run.Outputs["new"], run.Outputs["fixed"], run.Outputs["not-assessed"], run.Outputs["baseline"]));
        Assert.Equal("3", run.Outputs["exit-code"]);
        Assert.Contains($"#### Not re-assessed ({first.Outputs["findings"]})", work.Read("sgaudit-report/diff.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WarnAndSetNoDiff_When_ThePreviousReportIsNotAReportJson()
    {
        using var work = new ScratchDirectory();
        work.Write("model.yaml", GitHubFixtures.ModelExample);
        work.Write("previous/report.sarif", "{\"version\":\"2.1.0\",\"runs\":[]}");

        var run = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "model.yaml", ["previous-report"] = "previous/report.sarif" });

        Assert.Contains("::warning::SgAudit: the previous report could not be compared", run.Process.Output, StringComparison.Ordinal);
        Assert.Contains("previous/report.sarif: $.schemaVersion: missing", run.Process.Error, StringComparison.Ordinal);
        Assert.False(run.Outputs.ContainsKey("diff"));
        Assert.False(run.Outputs.ContainsKey("new"));
        Assert.Equal("1", run.Outputs["exit-code"]);
    }

    [Fact]
    public async Task Should_FailOnlyOnNewFindings_When_ABaselineIsGiven()
    {
        // Given the report of an earlier scan of the model example
        using var work = new ScratchDirectory();
        work.Write("before.yaml", GitHubFixtures.ModelExample);
        work.Write("after.yaml", GitHubFixtures.SshMovedToRdp);
        await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "before.yaml", ["formats"] = "json", ["out"] = "first" });

        // When the same model, a changed one, and one against a baseline that does not exist yet are scanned
        var same = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "before.yaml", ["baseline"] = "first/report.json", ["out"] = "same" });
        var changed = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "after.yaml", ["baseline"] = "first/report.json", ["out"] = "changed" });
        var first = await ActionScanStep.RunAsync(work, new Dictionary<string, string> { ["model"] = "before.yaml", ["baseline"] = "none/report.json", ["out"] = "none" });

        // Then only new findings fail the gate, and a missing baseline counts every finding
        using var changedReport = JsonDocument.Parse(work.Read("changed/report.json"));
        var findings = changedReport.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var newAtOrAboveHigh = findings.Count(f => f.GetProperty("baseline").GetString() == "new" && f.GetProperty("severity").GetString() is "critical" or "high");
        var summary = changedReport.RootElement.GetProperty("summary");
        Assert.Equal(("0", "0"), (same.Outputs["exit-code"], same.Outputs["gate-findings"]));
        Assert.Equal(("1", newAtOrAboveHigh.ToString(CultureInfo.InvariantCulture)), (changed.Outputs["exit-code"], changed.Outputs["gate-findings"]));
        Assert.Equal("1", first.Outputs["exit-code"]);
        Assert.Equal(int.Parse(first.Outputs["critical"], CultureInfo.InvariantCulture) + int.Parse(first.Outputs["high"], CultureInfo.InvariantCulture), int.Parse(first.Outputs["gate-findings"], CultureInfo.InvariantCulture));
        Assert.Contains($"**{summary.GetProperty("new").GetInt32()} new**, **{summary.GetProperty("fixed").GetInt32()} fixed**, {summary.GetProperty("unchanged").GetInt32()} unchanged.", changed.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 3)]
    [InlineData("", 1)]
    public async Task Should_FailWithSgauditsExitCode_When_TheGateStepRuns(string exitCode, int expected)
    {
        // The gate is the action's last step, skipped for exit code 0 or with gate: false
        var gate = GitHubFiles.Action().Steps()[^1];
        Assert.Equal("inputs.gate == 'true' && steps.scan.outputs.exit-code != '0'", gate.If);
        Assert.Equal("${{ steps.scan.outputs.exit-code }}", gate.Env["SGAUDIT_EXIT_CODE"]);
        using var work = new ScratchDirectory();
        var script = work.Write("gate.sh", gate.Run!);

        var run = await BashScript.RunAsync(work.Path, script, new Dictionary<string, string> { ["SGAUDIT_EXIT_CODE"] = exitCode });

        Assert.Equal(expected, run.ExitCode);
    }
}
