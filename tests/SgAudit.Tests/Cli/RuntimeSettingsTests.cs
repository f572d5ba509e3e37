using System.Xml.Linq;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>
/// docs/performance.md reports the benchmark's numbers as the CLI's: both must run with the same garbage collector
/// and JIT settings, or a change to one would make the recorded numbers describe a program nobody runs.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Should_RunTheBenchmarkWithTheClisGcAndJitSettings()
    {
        var cli = RuntimeSettings("src/SgAudit.Cli/SgAudit.Cli.csproj");
        var benchmark = RuntimeSettings("tests/SgAudit.Benchmarks/SgAudit.Benchmarks.csproj");

        Assert.Equal("true", cli["ServerGarbageCollection"]);
        Assert.Equal("0", cli["System.Runtime.TieredCompilation.CallCountingDelayMs"]);
        Assert.Equal(cli, benchmark);
    }

    /// <summary>The GC and JIT properties and the runtime options a project file sets, by name.</summary>
    private static SortedDictionary<string, string> RuntimeSettings(string project)
    {
        var document = XDocument.Load(Path.Combine(RepositoryPaths.RepositoryRoot, project));
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "ServerGarbageCollection", "ConcurrentGarbageCollection", "TieredPGO", "TieredCompilation", "TieredCompilationQuickJitForLoops" })
        {
            if (document.Descendants(name).SingleOrDefault() is { } property)
            {
                settings.Add(name, property.Value);
            }
        }

        foreach (var option in document.Descendants("RuntimeHostConfigurationOption"))
        {
            settings.Add((string)option.Attribute("Include")!, (string)option.Attribute("Value")!);
        }

        return settings;
    }
}
