using System.Text.Json.Nodes;
using SgAudit.Cli;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Baselines;

/// <summary>
/// A report.json given to --baseline, diff or compliance --report is read strictly: anything wrong is one line naming
/// the file and the place (line, or JSON path) and what is wrong; exit 2; no report is written.
/// </summary>
public sealed class ReportInputErrorTests
{
    // A change to a valid report.json, and the fragments the error line must contain besides the file name.
    public static TheoryData<string, string[]> BadReports => new()
    {
        { "schema 2", ["$.schemaVersion", "report schema version '2' is not supported (this SgAudit reads '1')"] },
        { "no schema", ["$.schemaVersion", "missing"] },
        { "other tool", ["$.tool.name", "'Prowler' is not SgAudit"] },
        { "no fingerprint", ["$.findings[1].fingerprint", "missing"] },
        { "empty fingerprint", ["$.findings[1].fingerprint", "is empty"] },
        { "numeric fingerprint", ["$.findings[1].fingerprint", "expected a string, found the number 7"] },
        { "bad severity", ["$.findings[0].severity", "'severe' is not critical, high, medium, low or info"] },
        { "findings not an array", ["$.findings", "expected an array, found an object"] },
        { "no evidence source", ["$.findings[2].evidence.source", "missing"] },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task Should_Exit2WithFileAndPathAndWriteNothing_When_TheBaselineIsBad(string change, string[] fragments)
    {
        // Given a report.json of a real scan, spoilt
        using var work = new ScratchDirectory();
        var (_, report) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var bad = ReportFiles.Corrupt(work, report, "bad/report.json", root => Spoil(root, change));

        // When it is the baseline of a scan
        var run = await CliRunner.RunAsync("scan", "--model", work.Resolve("before.yaml"), "--out", work.Resolve("out"), "--baseline", bad);

        // Then the error names the file and the place, and nothing is written
        AssertInputError(run, [bad, .. fragments]);
        Assert.False(Directory.Exists(work.Resolve("out")), "no report may be written for a bad baseline");

        // And diff refuses it the same way, as OLD or as NEW
        AssertInputError(await CliRunner.RunAsync("diff", bad, report), [bad, .. fragments]);
        AssertInputError(await CliRunner.RunAsync("diff", report, bad), [bad, .. fragments]);
    }

    [Theory]
    [InlineData("missing.json", "", "no such file")]
    [InlineData("empty.json", "", "the file is empty")]
    [InlineData("malformed.json", "{\"schemaVersion\":\"1\",\n \"findings\": [,]}", "line 2, byte 15: not valid JSON")]
    [InlineData("array.json", "[1, 2]", "$: expected the object of an SgAudit report.json")]
    [InlineData("report.sarif", "{\"version\":\"2.1.0\",\"runs\":[]}", "$.schemaVersion: missing")]
    public async Task Should_Exit2_When_TheBaselineFileIsMissingOrNotAReport(string name, string content, string fragment)
    {
        using var work = new ScratchDirectory();
        var path = name == "missing.json" ? work.Resolve(name) : work.Write(name, content);

        var run = await CliRunner.RunAsync("scan", "--out", work.Resolve("out"), "--baseline", path);

        AssertInputError(run, [path, fragment]);
        Assert.False(Directory.Exists(work.Resolve("out")));
    }

    [Fact]
    public async Task Should_Exit2_When_TheBaselineIsAFolder()
    {
        using var work = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--out", work.Resolve("out"), "--baseline", work.Path);

        AssertInputError(run, [work.Path, "is a folder; give the report.json file in it"]);
    }

    [Fact]
    public async Task Should_RefuseANewReportWithoutScopes_When_DiffCannotTellFixedFromUnseen()
    {
        // Given a later report without the scopes it assessed (as SgAudit wrote them before they were recorded)
        using var work = new ScratchDirectory();
        var (_, report) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var old = ReportFiles.Corrupt(work, report, "old/report.json", root => root.Remove("scopes"));

        // Then it can be a baseline, but not the report whose coverage decides what is fixed
        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("diff", old, report, "--format", "json")).ExitCode);
        AssertInputError(await CliRunner.RunAsync("diff", report, old), [old, "$.scopes: missing: this report was written by SgAudit"]);
    }

    [Fact]
    public async Task Should_Exit2WithThePath_When_AComplianceReportHasABadStatus()
    {
        using var work = new ScratchDirectory();
        var (_, report) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var bad = ReportFiles.Corrupt(work, report, "bad/report.json", root => root["compliance"]![0]!["controls"]![1]!["status"] = "passed");

        var run = await CliRunner.RunAsync("compliance", "--report", bad, "--framework", "all");

        AssertInputError(run, [bad, "$.compliance[0].controls[1].status", "'passed' is not pass, fail or not-assessed"]);
    }

    private static void Spoil(JsonObject root, string change)
    {
        var findings = root["findings"]!.AsArray();
        switch (change)
        {
            case "schema 2":
                root["schemaVersion"] = "2";
                break;
            case "no schema":
                root.Remove("schemaVersion");
                break;
            case "other tool":
                root["tool"]!["name"] = "Prowler";
                break;
            case "no fingerprint":
                findings[1]!.AsObject().Remove("fingerprint");
                break;
            case "empty fingerprint":
                findings[1]!["fingerprint"] = "";
                break;
            case "numeric fingerprint":
                findings[1]!["fingerprint"] = 7;
                break;
            case "bad severity":
                findings[0]!["severity"] = "severe";
                break;
            case "findings not an array":
                root["findings"] = new JsonObject();
                break;
            default:
                findings[2]!["evidence"]!.AsObject().Remove("source");
                break;
        }
    }

    private static void AssertInputError(CliRun run, string[] fragments)
    {
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sgaudit: error: ", line, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }
}
