using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
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
    private static async Task<(Core.Model.Inventory Inventory, ImmutableArray<CloudTrailTarget> CloudTrail)> LoadAndCollectAsync(string modelPath, List<StageProbe> probes, GcEventLog gcLog)
    {
        var document = ModelFileReader.ReadFile(modelPath);
        probes.Add(StageProbe.Take());
        gcLog.Mark("collect");
        var accounts = new EmbeddedEmulator(document).Accounts;
        var inventory = await new InventoryCollector(new CollectionOptions()).CollectAsync(accounts, CancellationToken.None);
        return (inventory, CloudTrailTarget.From(accounts));
    }

    /// <summary>
    /// SGAUDIT_BENCH_EVAL_REPEAT=N evaluates N more times, each after a full collection, and prints each run's cost:
    /// the evaluate stage alone, for iterating on the rules. These runs belong to no stage; they do not change the table.
    /// </summary>
    private static void RepeatEvaluation(RuleCatalog catalog, Core.Model.Inventory inventory, System.Collections.Immutable.ImmutableArray<ResolvedRule> rules)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("SGAUDIT_BENCH_EVAL_REPEAT"), CultureInfo.InvariantCulture, out var repeat))
        {
            return;
        }

        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = StageProbe.Take();
            var result = RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules);
            var cost = StageProbe.Take() - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  evaluate again: {cost.Wall.TotalSeconds:F2} s (GC {cost.Pause.TotalSeconds:F2}), CPU {cost.Cpu.TotalSeconds:F2} s, {cost.Allocated / 1048576.0:N0} MiB, {result.Findings.Length:N0} findings"));
        }
    }

    public static async Task<BenchmarkMeasurement> RunAsync(string modelPath, string outDir)
    {
        using var gcLog = new GcEventLog();
        gcLog.Mark("rules");
        var probes = new List<StageProbe> { StageProbe.Take() };

        // The rule catalogue and its defaults, first, as the CLI reads them (with the config) before it scans: its
        // parsing and JIT are no part of evaluating.
        var catalog = RuleCatalogLoader.BuiltIn;
        var rules = RuleSetResolver.Resolve(catalog, new Dictionary<string, RuleSettings>());
        probes.Add(StageProbe.Take());
        gcLog.Mark("load");
        var (inventory, cloudTrailTargets) = await LoadAndCollectAsync(modelPath, probes, gcLog);
        await Task.Yield(); // as the CLI does: let the collector's stack unwind so the model becomes garbage
        if (Environment.GetEnvironmentVariable("SGAUDIT_BENCH_NO_RECLAIM") != "1")
        {
            // As the CLI does (ScanService.ReclaimCollectionGarbage): collect the model's shapes before evaluation.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        probes.Add(StageProbe.Take());
        gcLog.Mark("evaluate");
        var excluded = default(StageProbe);
        if (Environment.GetEnvironmentVariable("SGAUDIT_BENCH_HEAP") == "1")
        {
            var before = StageProbe.Take();
            Console.WriteLine(System.FormattableString.Invariant($"  live heap after collect: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MiB"));
            excluded = StageProbe.Take() - before; // the forced collection belongs to no stage
        }

        var evaluation = RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules);
        probes.Add(StageProbe.Take());
        gcLog.Mark("attribute");
        // The CLI's CloudTrail step (ScanService.AddCloudTrailAsync). The synthetic model has no CloudTrail events, so
        // every region answers "not provided", as a model without them does in a CLI scan.
        var cloudTrail = await CloudTrailAssessment.CollectAsync(cloudTrailTargets, inventory, evaluation.Findings, attribution: true, TimeProvider.System, CancellationToken.None);
        probes.Add(StageProbe.Take());
        gcLog.Mark("render");

        var rendered = await ReportRendering.RenderAllAsync(catalog, rules, inventory, evaluation, cloudTrail, outDir, TimeProvider.System);
        probes.Add(StageProbe.Take());
        gcLog.Mark("after render");
        RepeatEvaluation(catalog, inventory, rules);
        var permissions = inventory.Regions.Sum(r => r.SecurityGroups.Sum(g => (long)g.Ingress.Length + g.Egress.Length));
        var stages = probes.Zip(probes.Skip(1), (a, b) => b - a).ToArray();
        stages[BenchmarkMeasurement.EvaluateStage] -= excluded;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new BenchmarkMeasurement(stages, permissions, evaluation.Findings.Length, process.PeakWorkingSet64, rendered) { RuleCount = rules.Length };
    }
}

/// <summary>One benchmark's numbers: rules, load, collect, evaluate, attribute and render.</summary>
internal sealed record BenchmarkMeasurement(StageProbe[] Stages, long Permissions, int Findings, long PeakWorkingSet, IReadOnlyList<(string File, long Bytes)> Reports)
{
    /// <summary>Where <see cref="Stages"/> holds the evaluate stage.</summary>
    public const int EvaluateStage = 3;

    /// <summary>The rules evaluated (every built-in rule with its defaults).</summary>
    public int RuleCount { get; init; }

    private string[] Names => ["rules (catalogue + defaults)", "load (parse + validate)", "collect (emulator paging + mapping)", string.Create(CultureInfo.InvariantCulture, $"evaluate ({RuleCount} rules)"), "attribute (CloudTrail)", "render (all reports)"];

    public void Print(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("| stage | seconds | of which GC pauses | CPU s | allocated MiB | gen0/1/2 GCs |");
        output.WriteLine("|---|---|---|---|---|---|");
        var total = default(StageProbe);
        for (var i = 0; i < Stages.Length; i++)
        {
            output.WriteLine(Row(c, Names[i], Stages[i]));
            total += Stages[i];
        }

        output.WriteLine(Row(c, "**total**", total));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Evaluation throughput: {Permissions / Math.Max(Stages[EvaluateStage].Wall.TotalSeconds, 1e-9):N0} permissions/s over {Permissions:N0} permissions; {Findings:N0} findings."));
        output.WriteLine(string.Create(c, $"Peak working set: {PeakWorkingSet / 1048576.0:N0} MiB."));
        foreach (var (file, bytes) in Reports)
        {
            output.WriteLine(string.Create(c, $"{file}: {bytes / 1048576.0:N1} MiB"));
        }
    }

    private static string Row(CultureInfo c, string name, StageProbe s) =>
        string.Create(c, $"| {name} | {s.Wall.TotalSeconds:F2} | {s.Pause.TotalSeconds:F2} | {s.Cpu.TotalSeconds:F2} | {s.Allocated / 1048576.0:N0} | {s.Gen0}/{s.Gen1}/{s.Gen2} |");
}
