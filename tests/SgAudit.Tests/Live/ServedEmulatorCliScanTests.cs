using System.Collections.Immutable;
using SgAudit.Cli;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Live;

/// <summary>
/// `sgaudit scan --source aws` against the served emulator (EC2 Query, STS, CloudTrail JSON over HTTP): the live path
/// end to end must give the demo's findings, attribution included; faults between client and server must not change
/// them; an unreadable region must make the scan exit 3 and say which region and why.
/// </summary>
public sealed class ServedEmulatorCliScanTests
{
    private static readonly string[] DemoRoles = ["arn:aws:iam::123456789012:role/SgAuditReadOnly", "arn:aws:iam::210987654321:role/SgAuditReadOnly"];

    [Fact]
    public async Task Should_GiveTheDemosFindingsAndAttribution_When_TheServedDemoIsScannedLive()
    {
        // Given the demo account served over HTTP
        using var work = new ScratchDirectory();
        await using var server = await StartDemoAsync(FaultInjection.None);

        // When it is scanned live through both accounts' roles, and in process as the demo
        var live = await ScanLiveAsync(server.Endpoint, work.Resolve("live"));
        var demo = await ExternalProcess.SgAuditAsync("scan", "--format", "json", "--out", work.Resolve("demo"));

        // Then every finding is the same, down to who last changed the group
        Assert.True(live.ExitCode == demo.ExitCode, $"live exit {live.ExitCode}: {live.Error}\n{live.Output}");
        var expected = LiveFindings.Read(work.Resolve("demo/report.json"), withAttribution: true);
        Assert.Equal(75, expected.Count);
        Assert.Equal(expected, LiveFindings.Read(work.Resolve("live/report.json"), withAttribution: true));
        Assert.Contains(expected, f => f.Contains("\"status\":\"found\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_ReplayTheLiveFindings_When_ALiveCollectIsScannedAsAModel()
    {
        // Given the demo account served over HTTP, scanned live
        using var work = new ScratchDirectory();
        await using var server = await StartDemoAsync(FaultInjection.None);
        var live = await ScanLiveAsync(server.Endpoint, work.Resolve("live"));

        // When it is collected live into a snapshot, and the snapshot is scanned offline
        var collect = await ExternalProcess.SgAuditAsync(["collect", "--source", "aws", "--endpoint-url", server.Endpoint.ToString(), "--role-arn", string.Join(',', DemoRoles), "--out", work.Resolve("snapshot.yaml")]);
        var replay = await ExternalProcess.SgAuditAsync("scan", "--model", work.Resolve("snapshot.yaml"), "--format", "json", "--out", work.Resolve("replay"));

        // Then the replay finds the same, attribution included
        Assert.True(collect.ExitCode == ExitCodes.Success, collect.Error + collect.Output);
        Assert.Equal(live.ExitCode, replay.ExitCode);
        Assert.Equal(LiveFindings.Read(work.Resolve("live/report.json"), withAttribution: true), LiveFindings.Read(work.Resolve("replay/report.json"), withAttribution: true));
    }

    [Fact]
    public async Task Should_AnswerTheAwsCliWithPaging_When_TheEmulatorIsServedFromTheCommandLine()
    {
        // Given `sgaudit emulator serve` running on a free port
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ExternalProcess.SgAuditDll, "emulator", "serve", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var serve = System.Diagnostics.Process.Start(start)!;
        try
        {
            var banner = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? "";
            var endpoint = banner.Split(' ').Single(w => w.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));

            // When the aws CLI lists us-east-1's groups five at a time
            var listed = await ExternalProcess.RunAsync("aws", ["ec2", "describe-security-groups", "--endpoint-url", endpoint, "--region", "us-east-1", "--page-size", "5", "--output", "json"], null);

            // Then it gets every group of the demo's us-east-1, once each
            Assert.True(listed.ExitCode == 0, listed.Error);
            var expected = ModelSource.LoadDemo().Document.Accounts[0].Regions.Single(r => r.Name == "us-east-1").SecurityGroups!.Select(g => g.GroupId).Order(StringComparer.Ordinal);
            using var json = System.Text.Json.JsonDocument.Parse(listed.Output);
            Assert.Equal(expected, json.RootElement.GetProperty("SecurityGroups").EnumerateArray().Select(g => g.GetProperty("GroupId").GetString()).Order(StringComparer.Ordinal));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Should_GiveTheCleanRunsFindings_When_EveryOtherRequestFailsOnTheWay()
    {
        // Given the served demo behind a proxy that throttles, errors, stalls, truncates or drops every other request
        using var work = new ScratchDirectory();
        await using var server = await StartDemoAsync(FaultInjection.None);
        ProxyFault[] faults = [ProxyFault.Throttle, ProxyFault.ServerError, ProxyFault.Slow, ProxyFault.TruncateBody, ProxyFault.DropConnection];
        await using var proxy = await FaultInjectingProxy.StartAsync(server.Endpoint, faults, slowDelay: TimeSpan.FromSeconds(4));

        // When the demo is scanned through the proxy (with a 2 s attempt timeout) and directly
        var faulty = await ScanLiveAsync(proxy.Endpoint, work.Resolve("faulty"), "--request-timeout", "2");
        var clean = await ScanLiveAsync(server.Endpoint, work.Resolve("clean"));

        // Then every fault was met and retried, and the findings are identical
        Assert.True(faulty.ExitCode == clean.ExitCode, $"faulty exit {faulty.ExitCode}: {faulty.Error}\n{faulty.Output}");
        Assert.All(faults, f => Assert.True(proxy.Injected.GetValueOrDefault(f) > 0, $"{f} was never injected"));
        var cleanFindings = LiveFindings.Read(work.Resolve("clean/report.json"), withAttribution: true);
        var faultyFindings = LiveFindings.Read(work.Resolve("faulty/report.json"), withAttribution: true);
        Assert.True(cleanFindings.SequenceEqual(faultyFindings), LiveFindings.FirstDifference(cleanFindings, faultyFindings) + $"\nThe faulty run's console:\n{faulty.Error}\n{faulty.Output}");
    }

    [Fact]
    public async Task Should_Exit3AndNameTheRegionAndError_When_ARegionAnswersUnauthorizedOperation()
    {
        // Given a served demo whose eu-west-1 refuses every call
        using var work = new ScratchDirectory();
        var faults = new FaultInjection { RegionErrors = ImmutableDictionary<string, string>.Empty.Add("eu-west-1", "UnauthorizedOperation") };
        await using var server = await StartDemoAsync(faults);

        // When it is scanned live with nothing at or above critical… and with --allow-partial
        var run = await ScanLiveAsync(server.Endpoint, work.Resolve("out"), "--fail-on", "none");
        var lenient = await ScanLiveAsync(server.Endpoint, work.Resolve("lenient"), "--fail-on", "none", "--allow-partial");

        // Then the region is not assessed, named with its error, and the exit code is 3 (0 when partial is allowed)
        Assert.Equal(ExitCodes.NotAssessed, run.ExitCode);
        Assert.Contains("eu-west-1", run.Output, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", run.Output, StringComparison.Ordinal);
        Assert.Contains("123456789012 eu-west-1: NOT ASSESSED (UnauthorizedOperation)", run.Error, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", work.Read("out/report.json"), StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", work.Read("out/summary.md"), StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", work.Read("out/report.html"), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, lenient.ExitCode);
    }

    private static Task<SgAudit.Emulator.EmulatorServer> StartDemoAsync(FaultInjection faults) =>
        SgAudit.Emulator.EmulatorServer.StartAsync(
            new EmulatorServerOptions { Model = ModelSource.LoadDemo().Document, Port = 0, Faults = faults, CloudTrailApiFactory = account => new EmulatedCloudTrailApi(account) },
            CancellationToken.None);

    private static Task<CliRunResult> ScanLiveAsync(Uri endpoint, string outDir, params string[] extra) =>
        ExternalProcess.SgAuditAsync(["scan", "--source", "aws", "--endpoint-url", endpoint.ToString(), "--role-arn", string.Join(',', DemoRoles), "--format", "json,md,html", "--out", outDir, .. extra]);
}
