using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Aws.Moto;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Live;

/// <summary>
/// `sgaudit scan --source aws` as a user runs it, against a seeded moto_server: two regions, the caller's account and
/// an assumed-role second account, compared with the same state exported by the aws CLI and scanned as a model.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoCliScanTests(MotoServerFixture moto)
{
    private static readonly string[] Accounts = ["123456789012", "222222222222"];
    private static readonly string[] Regions = ["eu-west-1", "us-east-1"];

    [Fact]
    public async Task Should_FindWhatTheExportedStateShows_When_TwoAccountsAndTwoRegionsAreScannedLive()
    {
        // Given the seeded moto_server, reached only on loopback
        Assert.Equal("127.0.0.1", moto.Endpoint.Host);
        using var work = new ScratchDirectory();

        // When it is scanned live through roles in both accounts
        var live = await ExternalProcess.SgAuditAsync(
            "scan", "--source", "aws", "--endpoint-url", moto.Endpoint.ToString(), "--region", string.Join(',', Regions),
            "--role-arn", string.Join(',', Accounts.Select(a => $"arn:aws:iam::{a}:role/SgAuditReadOnly")),
            "--format", "json,sarif", "--out", work.Resolve("live"));

        // and the same state is exported with the aws CLI, one folder per account and region, and scanned as models
        var exported = new List<string>();
        foreach (var account in Accounts)
        {
            var credentials = await AssumeRoleAsync(account);
            foreach (var region in Regions)
            {
                var folder = work.Resolve($"exports/{account}-{region}");
                Directory.CreateDirectory(folder);
                foreach (var what in new[] { "security-groups", "network-interfaces", "network-acls", "vpcs" })
                {
                    var export = await ExternalProcess.RunAsync("aws", ["ec2", $"describe-{what}", "--endpoint-url", moto.Endpoint.ToString(), "--region", region, "--output", "json"], credentials);
                    Assert.True(export.ExitCode == 0, export.Error);
                    File.WriteAllText(Path.Combine(folder, $"describe-{what}.json"), export.Output);
                }

                var scan = await ExternalProcess.SgAuditAsync("scan", "--model", folder, "--format", "json", "--out", Path.Combine(folder, "out"), "--fail-on", "none", "--no-attribution");
                Assert.True(scan.ExitCode is ExitCodes.Success or ExitCodes.NotAssessed, scan.Error);
                exported.AddRange(LiveFindings.Read(Path.Combine(folder, "out", "report.json"), withAttribution: false));
            }
        }

        // Then the live scan found exactly what the exports show, and says which calls it made
        Assert.True(live.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, $"exit {live.ExitCode}: {live.Error}\n{live.Output}");
        var liveFindings = LiveFindings.Read(work.Resolve("live/report.json"), withAttribution: false);
        Assert.NotEmpty(liveFindings);
        Assert.Equal(exported.Order(StringComparer.Ordinal), liveFindings.Order(StringComparer.Ordinal));
        Assert.Contains(liveFindings, f => f.Contains("\"accountId\":\"222222222222\"", StringComparison.Ordinal) && f.Contains("3389", StringComparison.Ordinal));
        Assert.Contains("AWS API calls:", live.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(work.Read("live/report.json"));
        var calls = report.RootElement.GetProperty("scan").GetProperty("inputs").GetProperty("apiCalls");
        Assert.Equal(4, calls.GetProperty("ec2:DescribeSecurityGroups").GetInt64()); // 2 accounts × 2 regions, one page each (moto does not page)
        Assert.Equal(2, calls.GetProperty("sts:AssumeRole").GetInt64());
        Assert.DoesNotContain("testing", work.Read("live/report.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("testing", live.Output + live.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit3AndNotWriteAReport_When_NoCredentialsCanBeFound()
    {
        // Given no credentials at all (and no metadata service)
        using var work = new ScratchDirectory();
        var empty = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "", ["AWS_SECRET_ACCESS_KEY"] = "" };

        // When a live scan starts
        var run = await ExternalProcess.RunAsync("dotnet", [ExternalProcess.SgAuditDll, "scan", "--source", "aws", "--endpoint-url", moto.Endpoint.ToString(), "--out", work.Resolve("out")], empty);

        // Then it says so in one line, exits 3 and writes nothing that could pass for a result
        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        Assert.StartsWith("sgaudit: error: AWS:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at SgAudit", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work.Resolve("out")));
    }

    private async Task<Dictionary<string, string>> AssumeRoleAsync(string account)
    {
        var assumed = await ExternalProcess.RunAsync("aws", ["sts", "assume-role", "--role-arn", $"arn:aws:iam::{account}:role/SgAuditReadOnly", "--role-session-name", "export", "--endpoint-url", moto.Endpoint.ToString(), "--output", "json"], null);
        Assert.True(assumed.ExitCode == 0, assumed.Error);
        var credentials = JsonDocument.Parse(assumed.Output).RootElement.GetProperty("Credentials");
        return new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.GetProperty("SecretAccessKey").GetString()!,
            ["AWS_SESSION_TOKEN"] = credentials.GetProperty("SessionToken").GetString()!,
        };
    }
}
