using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Core.Rules;
using SgAudit.Tests.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

public sealed class JUnitFormatTests
{
    [Fact]
    public async Task Should_AgreeWithReportJson_When_TheDemoIsScannedIntoBoth()
    {
        // Given an empty output folder
        using var output = new ScratchDirectory();

        // When the demo account is scanned into JSON and JUnit ("markdown" spelled out, as the factory accepts it)
        var run = await CliRunner.RunAsync("scan", "--format", "json,junit,markdown", "--out", output.Path);

        // Then exactly those reports are written and the demo's findings fail the gate
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Equal(["report.json", "report.junit.xml", "summary.md"], Directory.GetFiles(output.Path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        Assert.Contains("report.junit.xml", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "report.json")));
        var junit = JUnitXml.ParseAndValidate(File.ReadAllText(Path.Combine(output.Path, "report.junit.xml"))).Root!;

        // And every rule of report.json is a testsuite whose failing testcases are exactly the resources with findings
        // (the demo's partner-sftp-sg findings are suppressed by its tag: skipped testcases, not failures)
        var all = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString()!, Case: $"{f.GetProperty("ruleId").GetString()}.{f.GetProperty("accountId").GetString()}.{f.GetProperty("region").GetString()} {f.GetProperty("resourceId").GetString()}", Suppressed: f.TryGetProperty("suppression", out _)))
            .ToList();
        var findings = all.Where(f => !f.Suppressed).ToList();
        Assert.Equal(4, all.Count(f => f.Suppressed));
        Assert.Equal(all.Where(f => f.Suppressed).Select(f => f.Case).Order(StringComparer.Ordinal),
            junit.Descendants("testcase").Where(c => c.Element("skipped") is not null).Select(c => $"{c.Attribute("classname")!.Value} {c.Attribute("name")!.Value.Split(' ')[0]}").Order(StringComparer.Ordinal));
        var ruleIds = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        var suites = junit.Elements("testsuite").ToList();
        Assert.Equal(ruleIds.Count, suites.Count);
        foreach (var (ruleId, suite) in ruleIds.Zip(suites))
        {
            Assert.StartsWith(ruleId + " ", suite.Attribute("name")!.Value, StringComparison.Ordinal);
            var failing = suite.Elements("testcase").Where(c => c.Element("failure") is not null)
                .Select(c => $"{c.Attribute("classname")!.Value} {c.Attribute("name")!.Value.Split(' ')[0]}").ToList();
            Assert.Equal(findings.Where(f => f.Rule == ruleId).Select(f => f.Case).Distinct().Order(StringComparer.Ordinal), failing.Order(StringComparer.Ordinal));
            Assert.Equal(failing.Count, JUnitXml.Count(suite, "failures"));
            Assert.Equal(json.RootElement.GetProperty("ruleGaps").EnumerateArray().Count(g => g.GetProperty("ruleId").GetString() == ruleId), JUnitXml.Count(suite, "errors"));
        }

        // And rules that look at every group (or every ACL) have one testcase per group (or ACL) in the inventory
        var resources = json.RootElement.GetProperty("summary").GetProperty("resources");
        Assert.Equal(resources.GetProperty("securityGroups").GetInt32(), JUnitXml.Count(suites[0], "tests"));
        Assert.Equal(resources.GetProperty("networkAcls").GetInt32(), JUnitXml.Count(suites.Single(s => s.Attribute("name")!.Value.StartsWith("SGA010 ", StringComparison.Ordinal)), "tests"));
        Assert.Equal(findings.Count, junit.Descendants("failure").Sum(f => f.Value.Split("\n- ").Length - 1));
        Assert.Equal(findings.Select(f => f.Case).Distinct().Count(), JUnitXml.Count(junit, "failures"));
        Assert.Equal(0, JUnitXml.Count(junit, "errors"));
    }

    [Fact]
    public async Task Should_ReportEveryRuleAsAnErrorNotAPass_When_NothingCouldBeRead()
    {
        // Given a model whose only account cannot be read at all
        using var work = new ScratchDirectory();
        var model = work.Write("denied.yaml", "accounts:\n  - id: \"111122223333\"\n    error:\n      code: AccessDenied\n      message: not authorized to assume the role\n");

        // When it is scanned into JUnit
        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--format", "junit");

        // Then the scan is incomplete (exit 3), and every rule is one error testcase: no passes, so a CI test view goes red
        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        var junit = JUnitXml.ParseAndValidate(File.ReadAllText(work.Resolve("out/report.junit.xml"))).Root!;
        var rules = RuleCatalogLoader.BuiltIn.Rules.Length;
        Assert.Equal((rules, 0, rules), (JUnitXml.Count(junit, "tests"), JUnitXml.Count(junit, "failures"), JUnitXml.Count(junit, "errors")));
        Assert.All(junit.Descendants("testcase"), c =>
        {
            Assert.EndsWith(".111122223333.all-regions", c.Attribute("classname")!.Value, StringComparison.Ordinal);
            Assert.Contains("AccessDenied: not authorized to assume the role", c.Element("error")!.Attribute("message")!.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Should_WriteOnlyPassingTestCases_When_TheModelIsClean()
    {
        // Given a model whose only group is clean
        using var work = new ScratchDirectory();
        var model = work.Write("clean.yaml", ScanCommandTests.CleanModel);

        // When it is scanned into JUnit
        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--format", "junit");

        // Then it passes and the report has test cases, none failed or in error
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var junit = JUnitXml.ParseAndValidate(File.ReadAllText(work.Resolve("out/report.junit.xml"))).Root!;
        Assert.True(JUnitXml.Count(junit, "tests") > 0);
        Assert.Equal((0, 0), (JUnitXml.Count(junit, "failures"), JUnitXml.Count(junit, "errors")));
        Assert.All(junit.Descendants("testcase"), c => Assert.Empty(c.Elements()));
    }

    [Fact]
    public async Task Should_ListJUnitAndTheDefaults_When_ScanHelpIsShown()
    {
        // Given / When
        var run = await CliRunner.RunAsync("scan", "--help");

        // Then the --format line names every format and the default set, which leaves junit out
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var help = string.Join(" ", run.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--format <format> Reports to write, comma-separated: html,sarif,json,md,junit (junit: report.junit.xml for CI test views). [default: html,sarif,json,md]", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_NameEveryFormat_When_AFormatIsUnknown()
    {
        // Given / When
        var run = await CliRunner.RunAsync("scan", "--format", "junit,xunit");

        // Then it is a usage error naming the unknown one and the supported ones
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("--format: 'xunit' is not one of html, sarif, json, md, junit.", run.Error, StringComparison.Ordinal);
    }
}
