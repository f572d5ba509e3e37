using System.Diagnostics;
using System.Globalization;
using SgAudit.Benchmarks;

// Scale benchmark (docs/performance.md):
//   dotnet run -c Release --project tests/SgAudit.Benchmarks -- [--groups N] [--enis M] [--out DIR] [--reuse] [--cli-runs K [--cli PATH]] | --host-probe K
// Without --cli-runs it times the scan path stage by stage in this process; with it, K fresh `sgaudit scan` processes.
var probes = Argument(args, "--host-probe", 0);
if (probes > 0)
{
    // Only the host probe, a few times: whether the host is quiet enough to measure now.
    for (var i = 0; i < probes; i++)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Host probe: {HostSpeedProbe.Measure().TotalMilliseconds:F0} ms"));
    }

    return 0;
}

var groups = Argument(args, "--groups", 100_000);
var interfaces = Argument(args, "--enis", 50_000);
var outDir = TextArgument(args, "--out") ?? Path.Combine(Path.GetTempPath(), "sgaudit-bench");
Directory.CreateDirectory(outDir);

var modelPath = Path.Combine(outDir, "synthetic-model.json");
if (args.Contains("--reuse") && File.Exists(modelPath))
{
    // Repeated A/B runs: the generator is deterministic, so the file from an earlier run with the same sizes is the same.
    Console.WriteLine($"Reusing {modelPath}");
}
else
{
    var generate = Stopwatch.StartNew();
    var (permissions, bytes) = SyntheticModelWriter.Write(modelPath, groups, interfaces);
    generate.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {groups:N0} groups, {permissions:N0} permissions, {interfaces:N0} network interfaces: {bytes / 1048576.0:F1} MiB in {generate.Elapsed.TotalSeconds:F2} s"));
}

var cliRuns = Argument(args, "--cli-runs", 0);
if (cliRuns > 0)
{
    return await CliRuns.RunAsync(TextArgument(args, "--cli"), modelPath, outDir, cliRuns, Console.Out);
}

// Start every measured run from the same heap: the generator's garbage belongs to no stage.
GC.Collect();
GC.WaitForPendingFinalizers();

var probeBefore = HostSpeedProbe.Measure();
var measurement = await BenchmarkRun.RunAsync(modelPath, outDir);
var probeAfter = HostSpeedProbe.Measure();
measurement.Print(Console.Out);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Host probe (fixed work on every core; lower is a faster host): {probeBefore.TotalMilliseconds:F0} ms before, {probeAfter.TotalMilliseconds:F0} ms after."));
return 0;

static int Argument(string[] args, string name, int fallback) =>
    TextArgument(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static string? TextArgument(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
