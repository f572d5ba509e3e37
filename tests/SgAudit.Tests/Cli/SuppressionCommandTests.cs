using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>Suppressions through the real command line: config validation, the gate before and after expiry, tag warnings.</summary>
public sealed class SuppressionCommandTests
{
    /// <summary>One group with SSH open to the world (SGA001, SGA004, SGA008, SGA011: high and critical), attached so it is used.</summary>
    private const string SshModel = """
        version: 1
        accounts:
          - id: "111122223333"
            regions:
              - name: eu-west-1
                Vpcs: [{VpcId: vpc-0a1b2c3d}]
                NetworkAcls: []
                SecurityGroups:
                  - GroupId: sg-0a1b2c3d4e5f60718
                    GroupName: sftp-drop
                    OwnerId: "111122223333"
                    VpcId: vpc-0a1b2c3d
                    IpPermissions:
                      - IpProtocol: tcp
                        FromPort: 22
                        ToPort: 22
                        IpRanges: [{CidrIp: 0.0.0.0/0}]
                    Tags: __TAGS__
                NetworkInterfaces:
                  - NetworkInterfaceId: eni-0a1b2c3d4e5f60718
                    VpcId: vpc-0a1b2c3d
                    Groups: [{GroupId: sg-0a1b2c3d4e5f60718}]
        """;

    private const string SuppressSsh = """
        suppressions:
          - rules: [SGA001, SGA004, SGA008, SGA011]
            resourceName: sftp-*
            region: eu-west-1
            reason: partner SFTP drop, accepted in RISK-142
            until: 2026-12-31
        """;

    public static TheoryData<string, string[]> BadSuppressions => new()
    {
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n    reason: ok\n    expires: 2027-01-01\n", ["line 5", "$.suppressions[0].expires", "unknown key 'expires'"] },
        { "suppressions:\n  - rules: [SGA004, SGA999]\n    resourceId: sg-1\n    reason: ok\n", ["line 2", "$.suppressions[0].rules[1]", "there is no rule SGA999"] },
        { "suppressions:\n  - rules: sga004\n    resourceId: sg-1\n    reason: ok\n", ["line 2", "there is no rule sga004 (did you mean SGA004?)"] },
        { "suppressions:\n  - rules: ['*']\n    accountId: '111122223333'\n    reason: ok\n", ["line 2", "'*' is not allowed"] },
        { "suppressions:\n  - rules: []\n    resourceId: sg-1\n    reason: ok\n", ["line 2", "list at least one rule id"] },
        { "suppressions:\n  - resourceId: sg-1\n    reason: ok\n", ["line 2", "$.suppressions[0]", "needs 'rules'"] },
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n    reason: ok\n    until: 2027-02-30\n", ["line 5", "$.suppressions[0].until", "'2027-02-30' is not a date YYYY-MM-DD"] },
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n    reason: ok\n    until: 31.01.2027\n", ["line 5", "is not a date YYYY-MM-DD"] },
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n    reason: ok\n    until:\n", ["line 5", "an empty value is not a date"] },
        { "failOn: high\nsuppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n", ["line 3", "$.suppressions[0]", "needs a 'reason'"] },
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n    reason: \"  \"\n", ["line 4", "$.suppressions[0].reason", "the reason must be non-empty text"] },
        { "suppressions:\n  - rules: [SGA004]\n    reason: everything\n", ["line 2", "needs at least one of resourceId, resourceName, vpcId, accountId or region"] },
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: '*'\n    reason: everything\n", ["line 3", "selects every resource"] },
        { "suppressions:\n  - rules: [SGA004]\n    accountId: 12345\n    reason: ok\n", ["line 3", "'12345' is not a 12-digit AWS account id"] },
        { "suppressions:\n  - rules: [SGA004]\n    region: Europe\n    reason: ok\n", ["line 3", "'Europe' is not an AWS region name"] },
        { "suppressions:\n  - rules: [SGA004]\n    vpcId: sg-1\n    reason: ok\n", ["line 3", "'sg-1' is not a VPC id"] },
        { "suppressions:\n  rules: [SGA004]\n", ["line 1", "expected a list of suppressions"] },
        { "suppressions:\n  - SGA004\n", ["line 2", "$.suppressions[0]", "expected a mapping"] },
        { "suppressions:\n  - rules: [SGA004]\n    resourceId: sg-1\n    reason: ok\n  - rules: [SGA008]\n    resourceName: web\n", ["line 5", "$.suppressions[1]", "needs a 'reason'"] },
    };

    [Theory]
    [MemberData(nameof(BadSuppressions))]
    public async Task Should_Exit2WithTheLine_When_ASuppressionIsBad(string content, string[] fragments)
    {
        // Given a config whose suppressions are wrong
        using var work = new ScratchDirectory();
        var config = work.Write("sgaudit.yaml", content);

        // When a scan uses it
        var run = await CliRunner.RunAsync("scan", "--config", config, "--out", work.Resolve("out"));

        // Then one error line names the file, the line and the problem, and nothing is written
        InputErrorTests.AssertInputError(run, ["sgaudit.yaml", .. fragments]);
        Assert.False(Directory.Exists(work.Resolve("out")));
    }

    [Fact]
    public async Task Should_PassTheGateUntilTheSuppressionExpires_When_TheOnlyGateFindingsAreSuppressed()
    {
        // Given a model whose only gate findings are SSH open to the world, and a config suppressing them until 2026-12-31
        using var work = new ScratchDirectory();
        var model = work.Write("model.yaml", SshModel.Replace("__TAGS__", "[]", StringComparison.Ordinal));
        var config = work.Write("sgaudit.yaml", SuppressSsh);

        // When it is scanned without the config, with it on 2026-11-22, on the last day 2026-12-31 at 23:59 UTC, and on 2027-01-01
        var plain = await CliRunner.RunAsync("scan", "--model", model, "--format", "json", "--out", work.Resolve("plain"));
        var suppressed = await CliRunner.RunAsync("scan", "--model", model, "--config", config, "--format", "json", "--out", work.Resolve("suppressed"));
        var lastDay = await CliRunner.RunAtAsync(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero), "scan", "--model", model, "--config", config, "--format", "json", "--out", work.Resolve("last-day"));
        var expired = await CliRunner.RunAtAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), "scan", "--model", model, "--config", config, "--format", "json", "--out", work.Resolve("expired"));

        // Then the gate fails without it, passes while it is in force (the findings still reported, as suppressed), and
        // fails again once it has expired, which the console and report.json say
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, plain.ExitCode);
        Assert.Equal(ExitCodes.Success, suppressed.ExitCode);
        Assert.Equal(ExitCodes.Success, lastDay.ExitCode);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, expired.ExitCode);

        Assert.Contains("Suppressions: 1 applied (4 finding(s) suppressed), 0 expired, 0 stale, 0 invalid.", Flat(suppressed.Output), StringComparison.Ordinal);
        Assert.Contains("PASS: no unsuppressed findings at or above high.", Flat(suppressed.Output), StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("suppressed/report.json"))))
        {
            var root = json.RootElement;
            Assert.Equal(4, root.GetProperty("findings").GetArrayLength());
            Assert.Equal((0, 4), (root.GetProperty("summary").GetProperty("gateFindings").GetInt32(), root.GetProperty("summary").GetProperty("suppressed").GetInt32()));
            Assert.All(root.GetProperty("findings").EnumerateArray(), f => Assert.Equal($"{config} line 2", f.GetProperty("suppression").GetProperty("source").GetString()));
        }

        Assert.Contains($"Expired suppression: {config} line 2 (SGA001,SGA004,SGA008,SGA011) ended 2026-12-31; its 4 finding(s) count again.", Flat(expired.Output), StringComparison.Ordinal);
        Assert.Contains("FAIL: 4 finding(s) at or above high.", Flat(expired.Output), StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("expired/report.json"))))
        {
            var root = json.RootElement;
            Assert.Equal((4, 0), (root.GetProperty("summary").GetProperty("gateFindings").GetInt32(), root.GetProperty("summary").GetProperty("suppressed").GetInt32()));
            var entry = Assert.Single(root.GetProperty("suppressions").EnumerateArray().ToList());
            Assert.Equal(("expired", 4, 0), (entry.GetProperty("status").GetString(), entry.GetProperty("findings").GetInt32(), entry.GetProperty("suppressed").GetInt32()));
            Assert.All(root.GetProperty("findings").EnumerateArray(), f => Assert.False(f.TryGetProperty("suppression", out _)));
        }
    }

    [Fact]
    public async Task Should_PassTheGate_When_TheGroupCarriesAValidSuppressionTag()
    {
        // Given the same group carrying the exception in its own tag
        using var work = new ScratchDirectory();
        var model = work.Write("model.yaml", SshModel.Replace("__TAGS__", "[{Key: \"sgaudit:suppress\", Value: \"SGA001,SGA004,SGA008,SGA011; partner SFTP drop; until 2027-01-31\"}]", StringComparison.Ordinal));

        // When it is scanned before and after the tag's date
        var inForce = await CliRunner.RunAsync("scan", "--model", model, "--format", "json", "--out", work.Resolve("a"));
        var after = await CliRunner.RunAtAsync(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), "scan", "--model", model, "--format", "json", "--out", work.Resolve("b"));

        // Then it passes while the tag is in force and fails once it has expired
        Assert.Equal(ExitCodes.Success, inForce.ExitCode);
        Assert.Contains("Suppressions: 1 applied (4 finding(s) suppressed)", Flat(inForce.Output), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, after.ExitCode);
        Assert.Contains("Expired suppression: tag sgaudit:suppress on sg-0a1b2c3d4e5f60718 (111122223333/eu-west-1)", Flat(after.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WarnAndStillFail_When_ATagIsMalformed()
    {
        // Given the group's tag has no reason, and carries an escape sequence that would drive a terminal
        using var work = new ScratchDirectory();
        var model = work.Write("model.yaml", SshModel.Replace("__TAGS__", "[{Key: \"sgaudit:suppress\", Value: \"SGA001,SGA004,SGA008\\e[31m;\"}]", StringComparison.Ordinal));

        // When it is scanned
        var run = await CliRunner.RunAsync("scan", "--model", model, "--format", "json", "--out", work.Resolve("out"));

        // Then the scan is not aborted: the tag is not applied (fail closed), the console warns and says why, and report.json lists it as invalid
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("Warning: tag sgaudit:suppress on sg-0a1b2c3d4e5f60718 (111122223333/eu-west-1) is not applied: unknown rule id 'SGA008[U+001B][31m'.", Flat(run.Output), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Contains("0 applied (0 finding(s) suppressed), 0 expired, 0 stale, 1 invalid.", Flat(run.Output), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        var entry = Assert.Single(json.RootElement.GetProperty("suppressions").EnumerateArray().ToList());
        Assert.Equal(("invalid", "SGA001,SGA004,SGA008\u001b[31m;"), (entry.GetProperty("status").GetString(), entry.GetProperty("value").GetString()));
        Assert.Equal(4, json.RootElement.GetProperty("summary").GetProperty("gateFindings").GetInt32());
    }

    [Fact]
    public async Task Should_ShowTheDemoGroupsTagSuppression_When_TheDemoIsScanned()
    {
        // Given / When the demo account is scanned with the default gate
        using var work = new ScratchDirectory();
        var run = await CliRunner.RunAsync("scan", "--format", "json,md", "--out", work.Path);

        // Then partner-sftp-sg's four gate findings are reported as suppressed by its tag, and the demo still fails on the rest
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("Suppressions: 1 applied (4 finding(s) suppressed), 0 expired, 0 stale, 0 invalid.", Flat(run.Output), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("report.json")));
        var suppressed = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.TryGetProperty("suppression", out _)).ToList();
        Assert.Equal(["SGA001", "SGA004", "SGA008", "SGA011"], suppressed.Select(f => f.GetProperty("ruleId").GetString()));
        Assert.All(suppressed, f => Assert.Equal("sg-0a4f6e2c8b1d93e57", f.GetProperty("resourceId").GetString()));
        Assert.Contains("### Suppressions", File.ReadAllText(work.Resolve("summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_LoadAndApplyTheDocumentedExample_When_TheDemoIsScannedWithIt()
    {
        // Given the suppressions example of docs/config.md, as written there
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "config.md"));
        var start = doc.IndexOf("```yaml\nsuppressions:", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/config.md has a suppressions example");
        var yaml = doc[(start + "```yaml\n".Length)..doc.IndexOf("```", start + 3, StringComparison.Ordinal)];
        using var work = new ScratchDirectory();
        var config = work.Write("sgaudit.yaml", yaml);

        // When the demo is scanned with it
        var run = await CliRunner.RunAsync("scan", "--config", config, "--format", "json", "--out", work.Resolve("out"));

        // Then it loads and its three suppressions apply (the third to launch-wizard-1, unused in the staging account);
        // the demo's own tag follows them and suppresses what the first one left (SGA001, SGA011)
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        Assert.Equal(
            [("config", "applied", 2, 2), ("config", "applied", 1, 1), ("config", "applied", 1, 1), ("tag", "applied", 4, 2)],
            json.RootElement.GetProperty("suppressions").EnumerateArray().Select(s => (s.GetProperty("sourceKind").GetString(), s.GetProperty("status").GetString(), s.GetProperty("findings").GetInt32(), s.GetProperty("suppressed").GetInt32())));
    }

    /// <summary>The console output as one line: Spectre wraps lines at the console width (80 when redirected).</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    [Fact]
    public async Task Should_ReportAStaleSuppression_When_ItMatchesNothing()
    {
        using var work = new ScratchDirectory();
        var model = work.Write("model.yaml", SshModel.Replace("__TAGS__", "[]", StringComparison.Ordinal));
        var config = work.Write("sgaudit.yaml", SuppressSsh + "\n  - rules: [SGA005]\n    resourceId: sg-0a1b2c3d4e5f60718\n    reason: RDP was removed\n");

        var run = await CliRunner.RunAsync("scan", "--model", model, "--config", config, "--format", "json", "--out", work.Resolve("out"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Stale suppression: {config} line 7 (SGA005) matches no finding.", Flat(run.Output), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        Assert.Equal(["applied", "stale"], json.RootElement.GetProperty("suppressions").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
    }
}
