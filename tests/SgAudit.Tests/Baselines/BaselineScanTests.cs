using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Baselines;

/// <summary>
/// `sgaudit scan --baseline OLD/report.json`: findings already in the baseline are unchanged and do not fail the
/// gate, new ones do; baseline findings that are gone are fixed only where this scan assessed them. Expected sets are
/// read from the two scans' own reports (e.g. "every finding of the added permission"), so they stay exact when rules
/// are added.
/// </summary>
public sealed class BaselineScanTests
{
    [Fact]
    public async Task Should_MarkEveryFindingUnchangedAndPassTheGate_When_TheSameModelIsScannedAgainstItsOwnReport()
    {
        // Given a scan of the model example, whose findings fail the default gate
        using var work = new ScratchDirectory();
        var (first, baseline) = await ReportFiles.ScanAsync(work, "first", BaselineModels.Example);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, first.ExitCode);
        var count = ReportFiles.Findings(baseline).Count;

        // When the same model is scanned against that report
        var (run, report) = await ReportFiles.ScanAsync(work, "second", BaselineModels.Example, "--baseline", baseline);

        // Then nothing is new or fixed, the gate passes, and every finding says so
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Baseline {baseline}: 0 new, {count} unchanged, 0 fixed.", Flat(run.Output), StringComparison.Ordinal);
        Assert.Contains("PASS: no new findings at or above high.", Flat(run.Output), StringComparison.Ordinal);
        using var json = ReportFiles.Json(report);
        var root = json.RootElement;
        Assert.Equal(count, root.GetProperty("findings").GetArrayLength());
        Assert.All(root.GetProperty("findings").EnumerateArray(), f => Assert.Equal("unchanged", f.GetProperty("baseline").GetString()));
        Assert.Equal((0, count, 0, 0), Counts(root));
        Assert.Equal(baseline, root.GetProperty("baseline").GetProperty("file").GetString());
        Assert.Equal(0, root.GetProperty("baseline").GetProperty("fixed").GetArrayLength());
    }

    [Fact]
    public async Task Should_FailOnExactlyTheNewFindings_When_AWorldSshRuleIsAdded()
    {
        // Given the model example's report, and the same model with web-sg's SSH also open to ::/0
        using var work = new ScratchDirectory();
        var (_, baseline) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);

        var (run, report) = await ReportFiles.ScanAsync(work, "after", BaselineModels.ExampleWithWorldSshIpv6, "--baseline", baseline);

        // Then exactly the findings of the added rule (source ::/0) are new, and every earlier one is unchanged
        var after = ReportFiles.Findings(report);
        var added = after.Where(f => f.Source == "::/0").ToList();
        Assert.Subset(added.Select(f => f.Text).ToHashSet(StringComparer.Ordinal), new HashSet<string>(["SGA002 sg-0b2c3d4e5f6071829 tcp 22 ::/0", "SGA004 sg-0b2c3d4e5f6071829 tcp 22 ::/0", "SGA008 sg-0b2c3d4e5f6071829 tcp 22 ::/0"], StringComparer.Ordinal));
        Assert.Equal(added.Select(f => f.Text), after.Where(f => f.Baseline == "new").Select(f => f.Text));
        Assert.Equal(ReportFiles.Findings(baseline).Select(f => f.Fingerprint).Order(StringComparer.Ordinal), after.Where(f => f.Baseline == "unchanged").Select(f => f.Fingerprint).Order(StringComparer.Ordinal));

        // And only the new ones count for the gate
        var gate = added.Count(f => f.Severity is "critical" or "high");
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains($"FAIL: {gate} new finding(s) at or above high.", Flat(run.Output), StringComparison.Ordinal);
        using var json = ReportFiles.Json(report);
        Assert.Equal((added.Count, after.Count - added.Count, 0, gate), Counts(json.RootElement));
    }

    [Fact]
    public async Task Should_ListExactlyTheFixedFindings_When_TheRuleIsRemoved()
    {
        // Given a report with SSH open to the world, and the group fixed since
        using var work = new ScratchDirectory();
        var (_, baseline) = await ReportFiles.ScanAsync(work, "before", BaselineModels.WorldSsh);
        var before = ReportFiles.Findings(baseline);
        Assert.Subset(before.Select(f => f.Text).ToHashSet(StringComparer.Ordinal), new HashSet<string>(["SGA001 sg-0a1b2c3d4e5f60718 tcp 22 0.0.0.0/0", "SGA004 sg-0a1b2c3d4e5f60718 tcp 22 0.0.0.0/0", "SGA008 sg-0a1b2c3d4e5f60718 tcp 22 0.0.0.0/0"], StringComparer.Ordinal));
        Assert.All(before, f => Assert.Equal("tcp 22", f.Permission));

        var (run, report) = await ReportFiles.ScanAsync(work, "after", BaselineModels.Clean, "--baseline", baseline);

        // Then every one of its findings is fixed (with the baseline's own fingerprints), nothing is new, and the gate passes
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"0 new, 0 unchanged, {before.Count} fixed.", Flat(run.Output), StringComparison.Ordinal);
        using var json = ReportFiles.Json(report);
        var fixedFindings = ReportFiles.Findings(json.RootElement.GetProperty("baseline").GetProperty("fixed"));
        Assert.Equal(before.Select(f => (f.Text, f.Fingerprint)), fixedFindings.Select(f => (f.Text, f.Fingerprint)));
        Assert.Equal(0, json.RootElement.GetProperty("baseline").GetProperty("notReassessed").GetArrayLength());
        Assert.Equal((0, 0, before.Count, 0), Counts(json.RootElement));
    }

    [Fact]
    public async Task Should_CallNothingFixedAndExit3_When_TheBaselinesRegionCouldNotBeRead()
    {
        // Given the model example's report, and a scan where its region answers UnauthorizedOperation
        using var work = new ScratchDirectory();
        var (_, baseline) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var before = ReportFiles.Findings(baseline);

        var (run, report) = await ReportFiles.ScanAsync(work, "after", BaselineModels.ExampleRegionUnreadable, "--baseline", baseline);

        // Then all of the baseline's findings are out of sight, not fixed, and the scan is incomplete
        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        Assert.Contains($"0 new, 0 unchanged, 0 fixed, {before.Count} not re-assessed", Flat(run.Output), StringComparison.Ordinal);
        using var json = ReportFiles.Json(report);
        var comparison = json.RootElement.GetProperty("baseline");
        Assert.Equal(0, comparison.GetProperty("fixed").GetArrayLength());
        Assert.Equal(before.Select(f => f.Fingerprint), ReportFiles.Findings(comparison.GetProperty("notReassessed")).Select(f => f.Fingerprint));
        Assert.Contains("SGA010 acl-00718293a4b5c6d74 all traffic 0.0.0.0/0", before.Select(f => f.Text));
        Assert.All(comparison.GetProperty("notReassessed").EnumerateArray(), f =>
            Assert.Equal("111122223333/us-east-1 could not be read (UnauthorizedOperation)", f.GetProperty("reason").GetString()));
        Assert.Equal((0, before.Count), (comparison.GetProperty("counts").GetProperty("fixed").GetInt32(), comparison.GetProperty("counts").GetProperty("notReassessed").GetInt32()));
    }

    [Fact]
    public async Task Should_MarkNewAndUnchangedInEveryReport_When_ABaselineIsGiven()
    {
        // Given the model example's report, and the example with SSH moved to RDP
        using var work = new ScratchDirectory();
        var (_, baseline) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var model = work.Write("after.yaml", BaselineModels.ExampleSshMovedToRdp);

        // When it is scanned into every format
        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--baseline", baseline);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        var findings = ReportFiles.Findings(work.Resolve("out/report.json"));
        var newCount = findings.Count(f => f.Baseline == "new");
        var unchangedCount = findings.Count(f => f.Baseline == "unchanged");
        Assert.Equal(findings.Count(f => f.Permission == "tcp 3389"), newCount);
        Assert.True(unchangedCount > 0, "the network ACL finding is unchanged");
        using var json = ReportFiles.Json(work.Resolve("out/report.json"));
        var (_, _, fixedCount, gate) = Counts(json.RootElement);

        // Then SARIF marks every result as report.json does, and is still valid against the official schema
        var sarifPath = work.Resolve("out/report.sarif");
        Assert.Equal("", await SarifSchemaValidation.ValidateAsync(sarifPath));
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var results = sarif.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray()).ToList();
        Assert.Equal(findings.Count, results.Count);
        var stateByFingerprint = findings.ToDictionary(f => f.Fingerprint + ":1", f => f.Baseline);
        Assert.All(results, r => Assert.Equal(
            stateByFingerprint[r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!],
            r.GetProperty("baselineState").GetString()));

        // And summary.md puts the changes and the new findings first
        var markdown = work.Read("out/summary.md");
        Assert.Contains($"**Fail:** {gate} new findings (not in the baseline) are at or above the fail-on severity **high**, of {findings.Count} in all.", markdown, StringComparison.Ordinal);
        Assert.Contains($"**{newCount} new**, **{fixedCount} fixed**, {unchangedCount} unchanged.", markdown, StringComparison.Ordinal);
        var findingsTable = markdown[markdown.IndexOf("### Findings\n", StringComparison.Ordinal)..].Split("\n\n")[1].Split('\n').Skip(2);
        Assert.Equal(
            [.. Enumerable.Repeat("New", newCount), .. Enumerable.Repeat("Unchanged", unchangedCount)],
            findingsTable.Select(row => row.TrimEnd(' ', '|').Split('|')[^1].Trim()));
        Assert.Contains("### Fixed since the baseline", markdown, StringComparison.Ordinal);
        Assert.Contains("| high | SGA004 | 111122223333 / us\\-east\\-1 | sg\\-0b2c3d4e5f6071829 | tcp 22 | 0\\.0\\.0\\.0/0 |", markdown, StringComparison.Ordinal);

        // And the HTML has a baseline column, its filter and the fixed findings
        var html = work.Read("out/report.html");
        Assert.Contains("<th scope=\"col\" data-key=\"baseline\">Baseline</th>", html, StringComparison.Ordinal);
        Assert.Equal(newCount, CountOf(html, "<td class=\"baseline baseline-new\">New</td>"));
        Assert.Equal(unchangedCount, CountOf(html, "<td class=\"baseline baseline-unchanged\">Unchanged</td>"));
        Assert.Contains($"<select data-filter=\"baseline\"><option value=\"\">all</option><option value=\"New\">New ({newCount})</option><option value=\"Unchanged\">Unchanged ({unchangedCount})</option></select>", html, StringComparison.Ordinal);
        var fixedSection = html[html.IndexOf("<section id=\"baseline\">", StringComparison.Ordinal)..];
        fixedSection = fixedSection[..fixedSection.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Equal(fixedCount, CountOf(fixedSection, "<span class=\"direction\">ingress</span> tcp 22</td>"));
    }

    [Fact]
    public async Task Should_EscapeTheBaselinesAccountText_When_FixedFindingsAreReported()
    {
        // Given a baseline whose failing group has a hostile name, fixed since
        using var work = new ScratchDirectory();
        var (_, baseline) = await ReportFiles.ScanAsync(work, "before", BaselineModels.HostileWorldSsh);
        var model = work.Write("after.yaml", BaselineModels.Clean);

        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--baseline", baseline, "--format", "html,json,md");

        // Then the name appears only escaped, in the HTML's fixed section and in report.json
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var html = work.Read("out/report.html");
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("[U+001B]", html, StringComparison.Ordinal);
        var json = work.Read("out/report.json");
        Assert.DoesNotContain("<img", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.NotEqual(0, parsed.RootElement.GetProperty("baseline").GetProperty("fixed").GetArrayLength());
        Assert.All(parsed.RootElement.GetProperty("baseline").GetProperty("fixed").EnumerateArray(), f => Assert.Equal(BaselineModels.HostileName, f.GetProperty("resourceName").GetString()));
    }

    /// <summary>summary.new, unchanged, fixed and gateFindings of a report.json.</summary>
    private static (int New, int Unchanged, int Fixed, int Gate) Counts(JsonElement root)
    {
        var summary = root.GetProperty("summary");
        return (summary.GetProperty("new").GetInt32(), summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("fixed").GetInt32(), summary.GetProperty("gateFindings").GetInt32());
    }

    /// <summary>The console output with every run of whitespace as one space: the console wraps long lines.</summary>
    private static string Flat(string output) => string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
