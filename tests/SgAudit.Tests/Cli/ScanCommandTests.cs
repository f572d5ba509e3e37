using System.Globalization;
using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Rules;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

public sealed class ScanCommandTests
{
    private static readonly string[] ReportNames = ["report.html", "report.json", "report.sarif", "summary.md"];

    [Fact]
    public async Task Should_WriteAllFourReportsAndExit1_When_TheDemoAccountIsScannedWithDefaults()
    {
        // Given an empty output folder
        using var output = new ScratchDirectory();

        // When the quick-start command runs
        var run = await CliRunner.RunAsync("scan", "--out", output.Path);

        // Then the demo's high findings fail the default gate and every report is written under its exact name
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Equal(ReportNames, Directory.GetFiles(output.Path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("FAIL", run.Output, StringComparison.Ordinal);
        Assert.Contains("report.sarif", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Should_ReportTheSameFindingsInJsonAsTheConsoleCounts_When_TheDemoIsScanned()
    {
        using var output = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--format", "json", "--out", output.Path);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "report.json")));
        var findings = json.RootElement.GetProperty("findings").GetArrayLength();
        var critical = json.RootElement.GetProperty("summary").GetProperty("bySeverity").GetProperty("critical").GetInt32();
        Assert.Equal(["report.json"], Directory.GetFiles(output.Path).Select(f => Path.GetFileName(f)!).ToArray());
        Assert.True(findings > 0);
        Assert.Contains($"│ critical │ {critical,8} │", run.Output, StringComparison.Ordinal);

        // And each rule's row counts its findings and the distinct resources they are on, as report.json has them
        var byRule = json.RootElement.GetProperty("findings").EnumerateArray()
            .GroupBy(f => f.GetProperty("ruleId").GetString()!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Findings: g.Count(), Resources: g.Select(f => (f.GetProperty("accountId").GetString(), f.GetProperty("region").GetString(), f.GetProperty("resourceId").GetString())).Distinct().Count()),
                StringComparer.Ordinal);
        Assert.Contains(byRule.Values, counts => counts.Findings > counts.Resources); // a rule with several findings on one resource
        foreach (var rule in json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!))
        {
            var cells = run.Output.Split('\n').Single(line => line.StartsWith($"│ {rule} ", StringComparison.Ordinal)).Split('│');
            var expected = byRule.GetValueOrDefault(rule);
            Assert.Equal((rule, expected.Findings.ToString(CultureInfo.InvariantCulture), expected.Resources.ToString(CultureInfo.InvariantCulture)), (rule, cells[4].Trim(), cells[5].Trim()));
        }
    }

    [Fact]
    public async Task Should_ReportTrailPostureAndWhoChangedFailingGroups_When_TheDemoIsScannedByDefault()
    {
        using var output = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--format", "json,md", "--out", output.Path);

        // Then CloudTrail is informational (exit code as before) and every format shows it
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("CloudTrail 123456789012: logging (acme-org-trail)", run.Output, StringComparison.Ordinal);
        Assert.Contains("CloudTrail 210987654321: not logging: single-region trails only", run.Output, StringComparison.Ordinal);
        Assert.Contains("CloudTrail: last change found for 5 of 19 failing groups (90 days).", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "report.json")));
        var cloudTrail = json.RootElement.GetProperty("cloudTrail");
        Assert.True(cloudTrail.GetProperty("attributionRan").GetBoolean());
        Assert.Equal(["logging", "not-logging"], cloudTrail.GetProperty("trails").EnumerateArray().Select(t => t.GetProperty("status").GetString()));
        Assert.Equal(19, cloudTrail.GetProperty("attributions").GetArrayLength());
        var rdp = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("resourceId").GetString() == "sg-0c0a247267d230dc3").GetProperty("lastChange");
        Assert.Equal("last changed by arn:aws:iam::123456789012:user/tom.hughes at 2026-09-15T10:03:40Z via AuthorizeSecurityGroupIngress", rdp.GetProperty("text").GetString());
        Assert.Equal("203.0.113.45", rdp.GetProperty("sourceIp").GetString());
        var markdown = File.ReadAllText(Path.Combine(output.Path, "summary.md"));
        Assert.Contains("- Account 210987654321: **Not logging**: only single\\-region trails \\(such as staging\\-trail\\); no multi\\-region trail", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SkipAttributionButKeepPosture_When_NoAttributionIsGiven()
    {
        using var output = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--format", "json", "--out", output.Path, "--no-attribution");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.DoesNotContain("last change found", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "report.json")));
        var cloudTrail = json.RootElement.GetProperty("cloudTrail");
        Assert.False(cloudTrail.GetProperty("attributionRan").GetBoolean());
        Assert.Equal(0, cloudTrail.GetProperty("attributions").GetArrayLength());
        Assert.Equal(2, cloudTrail.GetProperty("trails").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("lastChange").ValueKind));
    }

    [Theory]
    [InlineData("none", ExitCodes.Success)]
    [InlineData("critical", ExitCodes.FindingsAtOrAboveThreshold)]
    [InlineData("low", ExitCodes.FindingsAtOrAboveThreshold)]
    public async Task Should_GateOnTheThreshold_When_FailOnIsGiven(string failOn, int expected)
    {
        using var output = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--format", "json", "--out", output.Path, "--fail-on", failOn);

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Should_Exit0_When_TheModelHasNoFindingsAtOrAboveTheThreshold()
    {
        // Given a model whose only group is clean
        using var work = new ScratchDirectory();
        var model = work.Write("clean.yaml", CleanModel);

        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("PASS", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit3AndNameTheRegionAndError_When_ARegionCannotBeRead()
    {
        // Given a model whose second region answers UnauthorizedOperation
        using var work = new ScratchDirectory();
        var model = work.Write("partial.yaml", CleanModel
            + "      - name: eu-west-1\n"
            + "        error:\n"
            + "          code: UnauthorizedOperation\n"
            + "          message: You are not authorized to perform this operation.\n");

        // When it is scanned, with and without --allow-partial
        var strict = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--format", "json");
        var lenient = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out2"), "--format", "json", "--allow-partial");

        // Then the unread region is reported, never passed, and the exit code says so
        Assert.Equal(ExitCodes.NotAssessed, strict.ExitCode);
        Assert.Contains("eu-west-1", strict.Output, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", strict.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, lenient.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        var scope = Assert.Single(json.RootElement.GetProperty("notAssessed").EnumerateArray());
        Assert.Equal("UnauthorizedOperation", scope.GetProperty("errorCode").GetString());
        Assert.Contains(json.RootElement.GetProperty("compliance").EnumerateArray().SelectMany(f => f.GetProperty("controls").EnumerateArray()),
            c => c.GetProperty("status").GetString() == "not-assessed");
        Assert.DoesNotContain(json.RootElement.GetProperty("compliance").EnumerateArray().SelectMany(f => f.GetProperty("controls").EnumerateArray()),
            c => c.GetProperty("status").GetString() == "pass");
    }

    [Fact]
    public async Task Should_CallTheScanIncompleteNotPass_When_NothingCouldBeRead()
    {
        // Given a model whose only account cannot be read at all
        using var work = new ScratchDirectory();
        var model = work.Write("denied.yaml", "accounts:\n  - id: \"111122223333\"\n    error:\n      code: AccessDenied\n      message: not authorized to assume the role\n");

        // When it is scanned into every format
        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"));

        // Then no report calls it a pass, and the exit code says it is incomplete
        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        Assert.StartsWith("## SgAudit security-group scan: INCOMPLETE", File.ReadAllText(work.Resolve("out/summary.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(work.Resolve("out/report.html"));
        Assert.Contains("verdict-incomplete", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Pass:</strong>", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        Assert.True(json.RootElement.GetProperty("scan").GetProperty("partial").GetBoolean());
        Assert.Contains("INCOMPLETE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReportTheAcceptanceCaseFinding_When_AnExportFolderIsScanned()
    {
        // Given the rule fixture for SSH (AWS CLI exports, read unchanged)
        using var output = new ScratchDirectory();
        var folder = Path.Combine(RuleTestHarness.FixturesDirectory, "SGA004");

        var run = await CliRunner.RunAsync("scan", "--model", folder, "--out", output.Path, "--format", "json", "--allow-partial");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "report.json")));
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "SGA004");
    }

    [Fact]
    public async Task Should_ApplyTheVariant_When_AConfigFileSelectsIt()
    {
        // Given a model with SSH open only to ::/0, and a config selecting PCI.EC2.5's IPv4-only reading
        using var work = new ScratchDirectory();
        var model = work.Write("ipv6.yaml", CleanModel.Replace(
            "                FromPort: 443\n                ToPort: 443\n                IpRanges:\n                  - CidrIp: 10.0.0.0/8\n",
            "                FromPort: 22\n                ToPort: 22\n                Ipv6Ranges:\n                  - CidrIpv6: ::/0\n",
            StringComparison.Ordinal));
        Assert.Contains("::/0", File.ReadAllText(model), StringComparison.Ordinal);
        var config = work.Write("sgaudit.yaml", "rules:\n  SGA004:\n    variant: ipv4-only\n");

        var standard = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("a"), "--format", "json", "--allow-partial");
        var pci = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("b"), "--format", "json", "--allow-partial", "--config", config);

        Assert.Contains("SGA004", RuleIds(work.Resolve("a/report.json")));
        Assert.DoesNotContain("SGA004", RuleIds(work.Resolve("b/report.json")));
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, standard.ExitCode);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, pci.ExitCode); // SGA002 still sees ::/0 on 22
    }

    private static string[] RuleIds(string reportJson)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(reportJson));
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct()];
    }

    internal const string CleanModel = """
        version: 1
        accounts:
          - id: "111122223333"
            name: clean
            regions:
              - name: us-east-1
                Vpcs:
                  - VpcId: vpc-0a1b2c3d4e5f60718
                    CidrBlock: 10.0.0.0/16
                SecurityGroups:
                  - GroupId: sg-0a1b2c3d4e5f60718
                    GroupName: internal-https
                    Description: HTTPS from the VPC
                    VpcId: vpc-0a1b2c3d4e5f60718
                    OwnerId: "111122223333"
                    IpPermissions:
                      - IpProtocol: tcp
                        FromPort: 443
                        ToPort: 443
                        IpRanges:
                          - CidrIp: 10.0.0.0/8
                    IpPermissionsEgress: []
                NetworkInterfaces:
                  - NetworkInterfaceId: eni-0a1b2c3d4e5f60718
                    Groups:
                      - GroupId: sg-0a1b2c3d4e5f60718
                NetworkAcls:
                  - NetworkAclId: acl-0a1b2c3d4e5f60718
                    VpcId: vpc-0a1b2c3d4e5f60718
                    Entries:
                      - RuleNumber: 32767
                        Protocol: "-1"
                        RuleAction: deny
                        Egress: false
                        CidrBlock: 0.0.0.0/0

        """;

    [Fact]
    public async Task Should_ApplyPortRangesAndTagScopeFromTheConfig_When_TheDemoIsScanned()
    {
        // Given a config that authorizes SSH and 8080-8090 to the world, and limits SGA012 to confidential data
        using var work = new ScratchDirectory();
        var config = work.Write("sgaudit.yaml", """
            rules:
              SGA011:
                parameters:
                  authorizedTcpPorts: [22, 80, 443, "8080-8090"]
              SGA012:
                parameters:
                  scopeTags: ["DataClassification=confidential"]
            """);

        // When the demo is scanned with it
        var run = await CliRunner.RunAsync("scan", "--config", config, "--format", "json", "--out", work.Resolve("out"));

        // Then the report records the list as written, SGA011 keeps only RDP, all traffic and the wide ::/0 range, and
        // SGA012 judges db-tier-sg alone (no egress: no finding)
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var json = JsonDocument.Parse(work.Read("out/report.json"));
        var sga011 = json.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SGA011");
        Assert.Equal("[22,80,443,\"8080-8090\"]", sga011.GetProperty("parameters").GetProperty("authorizedTcpPorts").GetRawText());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(
            ["debug-all-open", "jump-host-rdp", "old-migration-sg"],
            findings.Where(f => f.GetProperty("ruleId").GetString() == "SGA011").Select(f => f.GetProperty("resourceName").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "SGA012");
    }
}
