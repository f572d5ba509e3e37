using System.Diagnostics;
using System.Globalization;
using SgAudit.Benchmarks;

// Scale benchmark (docs/performance.md): dotnet run -c Release --project tests/SgAudit.Benchmarks -- [--groups N] [--enis M] [--out DIR] [--reuse]
var groups = Argument(args, "--groups", 100_000);
var interfaces = Argument(args, "--enis", 50_000);
var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "sgaudit-bench");
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

// Start every measured run from the same heap: the generator's garbage belongs to no stage.
GC.Collect();
GC.WaitForPendingFinalizers();

var measurement = await BenchmarkRun.RunAsync(modelPath, outDir);
measurement.Print(Console.Out);
return 0;

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
