using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using SgAudit.Cli;
using SgAudit.Core.Rules;
using SgAudit.Tests.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>
/// The .NET tool package, end to end: `dotnet pack` the CLI, `dotnet tool install` it from that folder alone into a
/// temporary tool path, and run it from a folder outside the repository. Slow (a Release build), so it is one test.
/// The pack builds into its own --artifacts-path, so it never touches the bin/ and obj/ folders that the running
/// `dotnet test` (or a parallel build) uses, and it works from a fresh clone.
/// </summary>
public sealed class PackagedToolTests
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Should_ScanAndListRules_When_InstalledFromThePackedToolPackage()
    {
        // Given the CLI packed under a version of its own, so the tool that runs can only be this package
        using var work = new ScratchDirectory();
        var version = "0.1.0-packtest." + Guid.NewGuid().ToString("N")[..12];
        var feed = work.Resolve("feed");
        var pack = await ExternalProcess.RunAsync(
            "dotnet",
            ["pack", Path.Combine(RepositoryPaths.RepositoryRoot, "src", "SgAudit.Cli", "SgAudit.Cli.csproj"), "-c", "Release", "-o", feed,
                "--artifacts-path", work.Resolve("artifacts"), "--disable-build-servers", "-p:Version=" + version],
            Quiet,
            PackTimeout,
            RepositoryPaths.RepositoryRoot);
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack.Output}\n{pack.Error}");

        // Then it is a DotnetTool package named SgAudit with the sgaudit command, the README and every assembly
        var package = Path.Combine(feed, $"SgAudit.{version}.nupkg");
        Assert.True(File.Exists(package), $"no {package}; pack printed:\n{pack.Output}");
        Assert.InRange(new FileInfo(package).Length, 100_000, 10_000_000);
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            foreach (var assembly in new[] { "sgaudit.dll", "SgAudit.Core.dll", "SgAudit.Reporting.dll", "SgAudit.Collectors.dll", "SgAudit.Aws.dll", "SgAudit.Emulator.dll" })
            {
                Assert.Contains($"tools/net10.0/any/{assembly}", entries);
            }

            var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
            var command = Assert.Single(settings.Descendants("Command"));
            Assert.Equal(("sgaudit", "sgaudit.dll"), (command.Attribute("Name")!.Value, command.Attribute("EntryPoint")!.Value));
            var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            Assert.Equal("SgAudit", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
            Assert.Equal(version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
            Assert.Equal("DotnetTool", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        }

        // When it is installed from that folder alone (a config that clears every other source) into a temp tool path
        var tools = work.Resolve("tools");
        var outside = work.Resolve("elsewhere");
        Directory.CreateDirectory(outside);
        var config = work.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var install = await ExternalProcess.RunAsync("dotnet", ["tool", "install", "SgAudit", "--tool-path", tools, "--configfile", config, "--version", version], Quiet, PackTimeout, outside);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install.Output}\n{install.Error}");
        var sgaudit = Path.Combine(tools, OperatingSystem.IsWindows() ? "sgaudit.exe" : "sgaudit");
        Assert.True(File.Exists(sgaudit), $"no {sgaudit} after install:\n{install.Output}");

        // And the installed command scans the demo account from a folder outside the repository
        var scan = await ExternalProcess.RunAsync(sgaudit, ["scan", "--out", work.Resolve("out"), "--format", "html,sarif,json,md,junit"], Tool, workingDirectory: outside);

        // Then the rules and templates came with it: the demo's findings fail the gate and every report is written
        Assert.True(scan.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, $"sgaudit scan exited {scan.ExitCode}:\n{scan.Output}\n{scan.Error}");
        Assert.Equal(
            ["report.html", "report.json", "report.junit.xml", "report.sarif", "summary.md"],
            Directory.GetFiles(work.Resolve("out")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        Assert.Contains("Remote administration ports", File.ReadAllText(work.Resolve("out/report.html")), StringComparison.Ordinal);

        // And report.json has the findings of an in-process scan of the same account, and the packed version
        using var installed = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        var inProcess = await CliRunner.RunAsync("scan", "--out", work.Resolve("in-process"), "--format", "json");
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, inProcess.ExitCode);
        using var expected = JsonDocument.Parse(File.ReadAllText(work.Resolve("in-process/report.json")));
        Assert.Equal(version, installed.RootElement.GetProperty("tool").GetProperty("version").GetString());
        Assert.Equal(expected.RootElement.GetProperty("findings").GetArrayLength(), installed.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(Fingerprints(expected), Fingerprints(installed));
        var junit = JUnitXml.ParseAndValidate(File.ReadAllText(work.Resolve("out/report.junit.xml"))).Root!;
        var unsuppressed = expected.RootElement.GetProperty("findings").EnumerateArray().Count(f => !f.TryGetProperty("suppression", out _));
        Assert.Equal(unsuppressed, junit.Descendants("failure").Sum(f => f.Value.Split("\n- ").Length - 1));

        // And `sgaudit rules` lists the whole built-in catalogue
        var rules = await ExternalProcess.RunAsync(sgaudit, ["rules", "--format", "json"], Tool, workingDirectory: outside);
        Assert.True(rules.ExitCode == 0, rules.Error);
        using var catalogue = JsonDocument.Parse(rules.Output);
        Assert.Equal(RuleCatalogLoader.BuiltIn.Rules.Select(r => r.Id), catalogue.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    /// <summary>Less noise from the SDK; nothing here changes what is built.</summary>
    private static Dictionary<string, string> Quiet { get; } = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>The tool's apphost finds the runtime this test runs on, wherever the SDK is installed.</summary>
    private static Dictionary<string, string> Tool { get; } = new(Quiet)
    {
        ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
    };

    private static List<string> Fingerprints(JsonDocument report) =>
        [.. report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!)];
}
