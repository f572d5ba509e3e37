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
    /// <summary>
    /// Load and collect in their own method, as the CLI does, so the model's API shapes are garbage once the
    /// inventory exists (a local of the caller's async method would keep them alive to the end).
    /// </summary>
    private static async Task<(Core.Model.Inventory Inventory, TimeSpan Load, TimeSpan Collect)> LoadAndCollectAsync(string modelPath, List<TimeSpan> pauses)
    {
        var stage = Stopwatch.StartNew();
        var document = ModelFileReader.ReadFile(modelPath);
        var load = stage.Elapsed;
        pauses.Add(GC.GetTotalPauseDuration());
        stage.Restart();
        var inventory = await new InventoryCollector(new CollectionOptions()).CollectAsync(new EmbeddedEmulator(document).Accounts, CancellationToken.None);
        return (inventory, load, stage.Elapsed);
    }

    public static async Task<BenchmarkMeasurement> RunAsync(string modelPath, string outDir, long permissions)
    {
        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        var pauses = new List<TimeSpan> { GC.GetTotalPauseDuration() };
        var (inventory, load, collect) = await LoadAndCollectAsync(modelPath, pauses);
        await Task.Yield(); // as the CLI does: let the collector's stack unwind so the model becomes garbage
        pauses.Add(GC.GetTotalPauseDuration());
        if (Environment.GetEnvironmentVariable("SGAUDIT_BENCH_HEAP") == "1")
        {
            Console.WriteLine(System.FormattableString.Invariant($"  live heap after collect: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MiB"));
        }

        stage.Restart();
        var catalog = RuleCatalogLoader.BuiltIn;
        var rules = RuleSetResolver.Resolve(catalog, new Dictionary<string, RuleSettings>());
        var evaluation = RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules);
        var evaluate = stage.Elapsed;
        pauses.Add(GC.GetTotalPauseDuration());

        stage.Restart();
        var rendered = await ReportRendering.RenderAllAsync(catalog, rules, inventory, evaluation, outDir, TimeProvider.System);
        var render = stage.Elapsed;
        total.Stop();
        pauses.Add(GC.GetTotalPauseDuration());
        var gc = pauses.Zip(pauses.Skip(1), (a, b) => b - a).ToArray();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new BenchmarkMeasurement(load, collect, evaluate, render, total.Elapsed, permissions, evaluation.Findings.Length, process.PeakWorkingSet64, rendered) { GcPauses = gc };
    }
}

/// <summary>One benchmark's numbers.</summary>
internal sealed record BenchmarkMeasurement(TimeSpan Load, TimeSpan Collect, TimeSpan Evaluate, TimeSpan Render, TimeSpan Total, long Permissions, int Findings, long PeakWorkingSet, IReadOnlyList<(string File, long Bytes)> Reports)
{
    /// <summary>GC pause time within each stage (load, collect, evaluate, render).</summary>
    public TimeSpan[] GcPauses { get; init; } = [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero];

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("| stage | seconds | of which GC pauses |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(c, $"| load (parse + validate) | {Load.TotalSeconds:F2} | {GcPauses[0].TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| collect (emulator paging + mapping) | {Collect.TotalSeconds:F2} | {GcPauses[1].TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| evaluate (10 rules) | {Evaluate.TotalSeconds:F2} | {GcPauses[2].TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| render (all reports) | {Render.TotalSeconds:F2} | {GcPauses[3].TotalSeconds:F2} |"));
        output.WriteLine(string.Create(c, $"| **total** | **{Total.TotalSeconds:F2}** | {GcPauses.Sum(p => p.TotalSeconds):F2} |"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Evaluation throughput: {Permissions / Math.Max(Evaluate.TotalSeconds, 1e-9):N0} permissions/s over {Permissions:N0} permissions; {Findings:N0} findings."));
        output.WriteLine(string.Create(c, $"Peak working set: {PeakWorkingSet / 1048576.0:N0} MiB."));
        foreach (var (file, bytes) in Reports)
        {
            output.WriteLine(string.Create(c, $"{file}: {bytes / 1048576.0:N1} MiB"));
        }
    }
}
