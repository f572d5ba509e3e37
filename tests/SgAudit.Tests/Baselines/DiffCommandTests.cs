using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Baselines;

/// <summary>`sgaudit diff OLD NEW` on report.json files the real CLI wrote, in each format, with its exit codes.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public async Task Should_ListExactlyTheNewFixedAndUnchangedFindingsAsJson_When_AnSshRuleBecomesAnRdpRule()
    {
        // Given reports before and after web-sg's SSH rule (22) was changed to RDP (3389)
        using var work = new ScratchDirectory();
        var (_, before) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var (_, after) = await ReportFiles.ScanAsync(work, "after", BaselineModels.ExampleSshMovedToRdp);
        var old = ReportFiles.Findings(before);
        var now = ReportFiles.Findings(after);

        // When they are compared as JSON
        var run = await CliRunner.RunAsync("diff", before, after, "--format", "json");

        // Then exactly the port 3389 findings are new, the port 22 ones fixed, and the rest (the network ACL's) unchanged
        using var diff = JsonDocument.Parse(run.Output);
        var root = diff.RootElement;
        var expectedNew = now.Where(f => f.Permission == "tcp 3389").ToList();
        var expectedFixed = old.Where(f => f.Permission == "tcp 22").ToList();
        Assert.Subset(expectedNew.Select(f => f.Text).ToHashSet(StringComparer.Ordinal), new HashSet<string>(["SGA001 sg-0b2c3d4e5f6071829 tcp 3389 0.0.0.0/0", "SGA005 sg-0b2c3d4e5f6071829 tcp 3389 0.0.0.0/0", "SGA008 sg-0b2c3d4e5f6071829 tcp 3389 0.0.0.0/0"], StringComparer.Ordinal));
        Assert.Subset(expectedFixed.Select(f => f.Text).ToHashSet(StringComparer.Ordinal), new HashSet<string>(["SGA001 sg-0b2c3d4e5f6071829 tcp 22 0.0.0.0/0", "SGA004 sg-0b2c3d4e5f6071829 tcp 22 0.0.0.0/0", "SGA008 sg-0b2c3d4e5f6071829 tcp 22 0.0.0.0/0"], StringComparer.Ordinal));
        Assert.Equal(expectedNew.Select(f => (f.Text, f.Fingerprint)), ReportFiles.Findings(root.GetProperty("new")).Select(f => (f.Text, f.Fingerprint)));
        Assert.Equal(expectedFixed.Select(f => (f.Text, f.Fingerprint)), ReportFiles.Findings(root.GetProperty("fixed")).Select(f => (f.Text, f.Fingerprint)));
        Assert.Equal(now.Where(f => f.Permission != "tcp 3389").Select(f => f.Text), ReportFiles.Describe(root.GetProperty("unchanged")));
        Assert.Contains("SGA010 acl-00718293a4b5c6d74 all traffic 0.0.0.0/0", ReportFiles.Describe(root.GetProperty("unchanged")));
        Assert.Equal(0, root.GetProperty("notReassessed").GetArrayLength());

        // And the counts, files and gate say the same: the new findings fail the default gate
        var gateNew = expectedNew.Count(f => f.Severity is "critical" or "high");
        var counts = root.GetProperty("counts");
        Assert.Equal(
            (expectedNew.Count, expectedFixed.Count, now.Count - expectedNew.Count, 0, gateNew),
            (counts.GetProperty("new").GetInt32(), counts.GetProperty("fixed").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("notReassessed").GetInt32(), counts.GetProperty("gateNew").GetInt32()));
        Assert.Equal((before, after, "high"), (root.GetProperty("baseline").GetProperty("file").GetString(), root.GetProperty("current").GetProperty("file").GetString(), root.GetProperty("failOn").GetString()));
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
    }

    [Theory]
    [InlineData("none", ExitCodes.Success)]
    [InlineData("critical", ExitCodes.FindingsAtOrAboveThreshold)]
    [InlineData("low", ExitCodes.FindingsAtOrAboveThreshold)]
    public async Task Should_GateOnlyOnNewFindingsAtOrAboveTheThreshold_When_FailOnIsGiven(string failOn, int expected)
    {
        // The new findings are SGA001 and SGA005 (high) and SGA008 (critical)
        using var work = new ScratchDirectory();
        var (_, before) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var (_, after) = await ReportFiles.ScanAsync(work, "after", BaselineModels.ExampleSshMovedToRdp);

        var run = await CliRunner.RunAsync("diff", before, after, "--format", "json", "--fail-on", failOn);

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Should_Exit0_When_NothingIsNew()
    {
        using var work = new ScratchDirectory();
        var (_, before) = await ReportFiles.ScanAsync(work, "before", BaselineModels.WorldSsh);
        var (_, after) = await ReportFiles.ScanAsync(work, "after", BaselineModels.Clean);

        var count = ReportFiles.Findings(before).Count;

        var run = await CliRunner.RunAsync("diff", before, after);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Fixed ({count})", run.Output, StringComparison.Ordinal);
        Assert.Contains($"0 new (0 at or above high), {count} fixed, 0 unchanged, 0 not re-assessed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS: no new findings at or above high.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("New (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintTablesOfNewAndFixedFindings_When_NoFormatIsGiven()
    {
        using var work = new ScratchDirectory();
        var (_, before) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var (_, after) = await ReportFiles.ScanAsync(work, "after", BaselineModels.ExampleSshMovedToRdp);

        using var json = JsonDocument.Parse((await CliRunner.RunAsync("diff", before, after, "--format", "json")).Output);
        var counts = json.RootElement.GetProperty("counts");

        var run = await CliRunner.RunAsync("diff", before, after);

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains($"New ({counts.GetProperty("new").GetInt32()})", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Fixed ({counts.GetProperty("fixed").GetInt32()})", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Unchanged ({counts.GetProperty("unchanged").GetInt32()})", run.Output, StringComparison.Ordinal);
        Assert.Contains("│ SGA005 │", run.Output, StringComparison.Ordinal);
        Assert.Contains($"FAIL: {counts.GetProperty("gateNew").GetInt32()} new finding(s) at or above high.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Should_EscapeEveryAccountStringInMarkdown_When_AGroupNameIsHostile()
    {
        // Given a new finding on a group whose name is HTML, Markdown, a mention and a terminal escape
        using var work = new ScratchDirectory();
        var (_, before) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Clean);
        var (_, after) = await ReportFiles.ScanAsync(work, "after", BaselineModels.HostileWorldSsh);

        var added = ReportFiles.Findings(after);
        var gate = added.Count(f => f.Severity is "critical" or "high");

        // When the diff is written for a pull-request comment
        var run = await CliRunner.RunAsync("diff", before, after, "--format", "markdown");

        // Then the name is inert text in its table cell: no HTML, emphasis, link, mention or escape character
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains($"**{added.Count} new** ({gate} at or above **high**), **0 fixed**, 0 unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert\\(1\\)&gt; \\| \\*\\*pwn\\*\\* \\[x\\]\\(https\\://evil\\.example\\) \\@admin \\`t\\` \\[U\\+001B\\]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("**pwn**", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("](https", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" @admin", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        var rows = run.Output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(" | sg\\-0a1b2c3d4e5f60718 (", StringComparison.Ordinal)).ToList();
        Assert.Equal(added.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(7, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|')));

        // And the console table shows it without the escape character either
        var table = await CliRunner.RunAsync("diff", before, after);
        Assert.DoesNotContain('\u001b', table.Output);
    }

    [Fact]
    public async Task Should_CallNothingFixedAndExit3_When_TheNewScanCouldNotReadTheRegion()
    {
        using var work = new ScratchDirectory();
        var (_, before) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var (_, after) = await ReportFiles.ScanAsync(work, "after", BaselineModels.ExampleRegionUnreadable);

        var run = await CliRunner.RunAsync("diff", before, after, "--format", "json");

        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        using var diff = JsonDocument.Parse(run.Output);
        Assert.Equal(0, diff.RootElement.GetProperty("fixed").GetArrayLength());
        Assert.Equal(ReportFiles.Findings(before).Select(f => f.Fingerprint), ReportFiles.Findings(diff.RootElement.GetProperty("notReassessed")).Select(f => f.Fingerprint));
        Assert.True(diff.RootElement.GetProperty("current").GetProperty("partial").GetBoolean());
        Assert.All(diff.RootElement.GetProperty("notReassessed").EnumerateArray(), f =>
            Assert.Equal("111122223333/us-east-1 could not be read (UnauthorizedOperation)", f.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Should_ListButNotFailOnFindingsOfRegionsLeftOut_When_TheNewScanCoveredFewerRegions()
    {
        // Given a model of two regions scanned whole, then only us-east-1 (--region)
        using var work = new ScratchDirectory();
        var (all, wholeReport) = await ReportFiles.ScanAsync(work, "all", BaselineModels.ExampleInTwoRegions);
        var (one, partReport) = await ReportFiles.ScanAsync(work, "one", BaselineModels.ExampleInTwoRegions, "--region", "us-east-1");
        Assert.Equal((ExitCodes.FindingsAtOrAboveThreshold, ExitCodes.FindingsAtOrAboveThreshold), (all.ExitCode, one.ExitCode));

        // When they are compared
        var run = await CliRunner.RunAsync("diff", wholeReport, partReport, "--format", "json");

        // Then the other regions' findings are not re-assessed (never fixed), and nothing is new: exit 0, not partial
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var diff = JsonDocument.Parse(run.Output);
        var root = diff.RootElement;
        Assert.Equal(0, root.GetProperty("fixed").GetArrayLength());
        Assert.Equal(0, root.GetProperty("new").GetArrayLength());
        var gone = root.GetProperty("notReassessed").EnumerateArray().ToList();
        Assert.NotEmpty(gone);
        var whole = ReportFiles.Findings(wholeReport);
        Assert.Equal(whole.Count / 2, gone.Count);
        Assert.All(gone, f => Assert.Equal(("eu-west-1", "111122223333/eu-west-1 was not part of this scan"), (f.GetProperty("region").GetString(), f.GetProperty("reason").GetString())));
        Assert.Equal(whole.Count / 2, root.GetProperty("unchanged").GetArrayLength());
    }
}
