using System.Collections.Immutable;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Reporting;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Benchmarks;

/// <summary>Renders every report format through the same all-or-nothing file writer the CLI uses.</summary>
internal static class ReportRendering
{
    public static async Task<IReadOnlyList<(string File, long Bytes)>> RenderAllAsync(RuleCatalog catalog, ImmutableArray<ResolvedRule> rules, Inventory inventory, EvaluationResult evaluation, CloudTrailResult cloudTrail, string outDir, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var result = new ScanResult("benchmark", now, now, new ScanInputs("model-file", "synthetic benchmark model"))
        {
            Catalog = catalog,
            Rules = rules,
            Inventory = inventory,
            Evaluation = evaluation,
            CloudTrail = cloudTrail,
        };
        var writers = new ReportWriterFactory(TemplateSet.Embedded).Create(ReportWriterFactory.DefaultFormats); // what a default scan writes
        // SGAUDIT_BENCH_PER_WRITER=N (N ≥ 1) times each writer alone N times, to a null stream: later rounds run warm code.
        if (int.TryParse(Environment.GetEnvironmentVariable("SGAUDIT_BENCH_PER_WRITER"), System.Globalization.CultureInfo.InvariantCulture, out var rounds))
        {
            // The shared view model first, so that no writer's time includes building it.
            var start = StageProbe.Take();
            new ReportViewModelBuilder().Build(result);
            Print("view model", StageProbe.Take() - start);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var writer in writers)
                {
                    start = StageProbe.Take();
                    await using var sink = Stream.Null;
                    await writer.WriteAsync(result, sink, CancellationToken.None);
                    Print(writer.FileName, StageProbe.Take() - start);
                }
            }
        }

        var paths = await ReportFileWriter.WriteAllAsync(writers, result, outDir, CancellationToken.None);
        return [.. paths.Select(p => (Path.GetFileName(p), new FileInfo(p).Length))];
    }

    private static void Print(string what, StageProbe cost) => Console.WriteLine(System.FormattableString.Invariant(
        $"  {what}: {cost.Wall.TotalSeconds:F2} s, CPU {cost.Cpu.TotalSeconds:F2} s, {cost.Allocated / 1048576.0:N0} MiB allocated, GCs {cost.Gen0}/{cost.Gen1}/{cost.Gen2}"));
}
