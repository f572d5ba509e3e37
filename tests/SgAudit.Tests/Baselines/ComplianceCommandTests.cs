using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Core.Rules;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Baselines;

/// <summary>
/// `sgaudit compliance --framework ID`: every control with pass, fail or not assessed, its failing resources and
/// rules, from a scan or a report.json; exit 1 when a control fails, else 3 when one is not assessed, else 0.
/// </summary>
public sealed class ComplianceCommandTests
{
    [Fact]
    public async Task Should_GiveEachControlsExactStatus_When_TheModelExampleIsScannedForCisV5()
    {
        // Given the model example: the default network ACL lets everything in and web-sg has SSH open to 0.0.0.0/0
        using var work = new ScratchDirectory();
        var model = work.Write("example.yaml", BaselineModels.Example);

        // When its CIS v5.0.0 controls are listed as JSON
        var run = await CliRunner.RunAsync("compliance", "--model", model, "--framework", "cis-aws-foundations-v5.0.0", "--format", "json");

        // Then the ACL and IPv4 admin-port controls fail on one resource each, the others pass, and the exit code is 1
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Equal(
            ["5.2 fail 1 SGA010 -", "5.3 fail 1 SGA001 -", "5.4 pass 0 SGA002 -", "5.5 pass 0 SGA003 -"],
            Controls(run.Output, "cis-aws-foundations-v5.0.0"));
        Assert.Equal("", run.Error);
        Assert.False(Directory.Exists(Path.Combine(work.Path, "sgaudit-report")), "compliance writes no report files");
    }

    [Fact]
    public async Task Should_Exit0_When_EveryControlPasses()
    {
        using var work = new ScratchDirectory();
        var model = work.Write("clean.yaml", BaselineModels.Clean);

        var run = await CliRunner.RunAsync("compliance", "--model", model, "--framework", "pci-dss-v3.2.1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("PASS: every control passes.", run.Output, StringComparison.Ordinal);
        var json = await CliRunner.RunAsync("compliance", "--model", model, "--framework", "pci-dss-v3.2.1", "--format", "json");
        Assert.Equal(["PCI.EC2.2 pass 0 SGA003 -", "PCI.EC2.5 pass 0 SGA004 -"], Controls(json.Output, "pci-dss-v3.2.1"));
    }

    [Fact]
    public async Task Should_CallAControlNotAssessedAndExit3_When_ItsRuleIsDisabledOrItsRegionUnreadable()
    {
        // Given a clean model whose second region cannot be read, and a config disabling SGA010
        using var work = new ScratchDirectory();
        var model = work.Write("partial.yaml", BaselineModels.Clean + "      - name: eu-west-1\n        error:\n          code: UnauthorizedOperation\n          message: denied\n");
        var config = work.Write("sgaudit.yaml", "rules:\n  SGA010:\n    enabled: false\n");

        var run = await CliRunner.RunAsync("compliance", "--model", model, "--config", config, "--framework", "cis-aws-foundations-v5.0.0", "--format", "json");

        // Then no control passes: the disabled rule's control says so, the others name the unreadable region
        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        Assert.Equal(
            [
                "5.2 not-assessed 0 SGA010 SGA010 disabled",
                "5.3 not-assessed 0 SGA001 SGA001 not assessed in 111122223333/eu-west-1: UnauthorizedOperation: denied",
                "5.4 not-assessed 0 SGA002 SGA002 not assessed in 111122223333/eu-west-1: UnauthorizedOperation: denied",
                "5.5 not-assessed 0 SGA003 SGA003 not assessed in 111122223333/eu-west-1: UnauthorizedOperation: denied",
            ],
            Controls(run.Output, "cis-aws-foundations-v5.0.0"));
    }

    [Fact]
    public async Task Should_GiveTheSameControls_When_ReadFromTheScansReportJson()
    {
        // Given the model example's report.json
        using var work = new ScratchDirectory();
        var (_, report) = await ReportFiles.ScanAsync(work, "example", BaselineModels.Example);

        // When compliance reads it instead of scanning, and scans the same model
        var fromReport = await CliRunner.RunAsync("compliance", "--report", report, "--framework", "pci-dss-v3.2.1", "--format", "json");
        var fromScan = await CliRunner.RunAsync("compliance", "--model", work.Resolve("example.yaml"), "--framework", "pci-dss-v3.2.1", "--format", "json");

        // Then both give the same controls and exit code
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, fromReport.ExitCode);
        Assert.Equal(fromScan.ExitCode, fromReport.ExitCode);
        Assert.Equal(["PCI.EC2.2 pass 0 SGA003 -", "PCI.EC2.5 fail 1 SGA004 -"], Controls(fromReport.Output, "pci-dss-v3.2.1"));
        Assert.Equal(Controls(fromScan.Output, "pci-dss-v3.2.1"), Controls(fromReport.Output, "pci-dss-v3.2.1"));
    }

    [Fact]
    public async Task Should_ListEveryFramework_When_AllIsAsked()
    {
        var run = await CliRunner.RunAsync("compliance", "--framework", "all", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(
            RuleCatalogLoader.BuiltIn.Frameworks.Select(f => f.Id),
            json.RootElement.GetProperty("compliance").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode); // the demo account fails controls on purpose
    }

    [Fact]
    public async Task Should_WriteATableOfControlsPerFramework_When_NoFormatIsGiven()
    {
        var run = await CliRunner.RunAsync("compliance", "--framework", "cis-aws-foundations-v5.0.0");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("(cis-aws-foundations-v5.0.0)", run.Output, StringComparison.Ordinal);
        Assert.Contains("│ 5.3     │", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL: 4 control(s) fail.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_EscapeTheReportsText_When_WritingMarkdown()
    {
        // Given a report.json whose control title was tampered with
        using var work = new ScratchDirectory();
        var (_, report) = await ReportFiles.ScanAsync(work, "example", BaselineModels.Example);
        var tampered = ReportFiles.Corrupt(work, report, "tampered/report.json", root =>
        {
            var pci = root["compliance"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "pci-dss-v3.2.1")!;
            pci["controls"]![0]!["title"] = "<script>x</script> | **bold** @team";
        });

        var run = await CliRunner.RunAsync("compliance", "--report", tampered, "--framework", "pci-dss-v3.2.1", "--format", "markdown");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("| PCI\\.EC2\\.2 | &lt;script&gt;x&lt;/script&gt; \\| \\*\\*bold\\*\\* \\@team | Pass | 0 | SGA003 |  |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| PCI\\.EC2\\.5 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| **Fail** | 1 | SGA004 |  |", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--framework", "cis-aws-foundations-v9.9.9")]
    [InlineData("--framework", "")]
    public async Task Should_Exit2ListingTheValidIds_When_TheFrameworkIsUnknown(string option, string value)
    {
        var run = await CliRunner.RunAsync("compliance", option, value);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sgaudit: error: --framework: ", line, StringComparison.Ordinal);
        Assert.All(RuleCatalogLoader.BuiltIn.Frameworks, f => Assert.Contains(f.Id, line, StringComparison.Ordinal));
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("--model", "x.yaml")]
    [InlineData("--config", "sgaudit.yaml")]
    [InlineData("--source", "aws")]
    public async Task Should_Exit2_When_ReportIsCombinedWithAScanOption(string option, string value)
    {
        var run = await CliRunner.RunAsync("compliance", "--report", "report.json", "--framework", "all", option, value);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains($"--report reads a finished scan; {option} applies only when compliance scans", run.Error, StringComparison.Ordinal);
    }

    /// <summary>"id status failingResources rules reason" for each control of one framework in compliance JSON output.</summary>
    private static List<string> Controls(string output, string frameworkId)
    {
        using var json = JsonDocument.Parse(output);
        var framework = json.RootElement.GetProperty("compliance").EnumerateArray().Single(f => f.GetProperty("id").GetString() == frameworkId);
        return
        [
            .. framework.GetProperty("controls").EnumerateArray().Select(c =>
                $"{c.GetProperty("id").GetString()} {c.GetProperty("status").GetString()} {c.GetProperty("failingResources").GetInt32()} {string.Join(",", c.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()))} {c.GetProperty("reason").GetString() ?? "-"}"),
        ];
    }
}
