using System.Diagnostics;
using System.Globalization;
using SgAudit.Collectors;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Benchmarks;

/// <summary>Times the real scan path stage by stage: load (parse + validate), collect (emulator paging + mapping), evaluate, render.</summary>
internal static class BenchmarkRun
{
    public static async Task<BenchmarkMeasurement> RunAsync(string modelPath, string outDir, long permissions)
    {
        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        var document = ModelFileReader.ReadFile(modelPath);
        var load = stage.Elapsed;

        stage.Restart();
        var inventory = await new InventoryCollector(new CollectionOptions()).CollectAsync(new EmbeddedEmulator(document).Accounts, CancellationToken.None);
        var collect = stage.Elapsed;

        stage.Restart();
        var catalog = RuleCatalogLoader.BuiltIn;
        var rules = RuleSetResolver.Resolve(catalog, new Dictionary<string, RuleSettings>());
        var evaluation = RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules);
        var evaluate = stage.Elapsed;

        stage.Restart();
        var rendered = await ReportRendering.RenderAllAsync(catalog, rules, inventory, evaluation, outDir);
        var render = stage.Elapsed;
        total.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new BenchmarkMeasurement(load, collect, evaluate, render, total.Elapsed, permissions, evaluation.Findings.Length, process.PeakWorkingSet64, rendered);
    }
}

/// <summary>One benchmark's numbers.</summary>
internal sealed record BenchmarkMeasurement(TimeSpan Load, TimeSpan Collect, TimeSpan Evaluate, TimeSpan Render, TimeSpan Total, long Permissions, int Findings, long PeakWorkingSet, IReadOnlyList<(string File, long Bytes)> Reports)
{
    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("| stage | seconds |");
        output.WriteLine("|---|---|");
        output.WriteLine(string.Create(c, $"| load (parse + validate) | {Load.TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| collect (emulator paging + mapping) | {Collect.TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| evaluate (10 rules) | {Evaluate.TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| render (all reports) | {Render.TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| **total** | **{Total.TotalSeconds:F2}** |"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Evaluation throughput: {Permissions / Math.Max(Evaluate.TotalSeconds, 1e-9):N0} permissions/s over {Permissions:N0} permissions; {Findings:N0} findings."));
        output.WriteLine(string.Create(c, $"Peak working set: {PeakWorkingSet / 1048576.0:N0} MiB."));
        foreach (var (file, bytes) in Reports)
        {
            output.WriteLine(string.Create(c, $"{file}: {bytes / 1048576.0:N1} MiB"));
        }
    }
}
