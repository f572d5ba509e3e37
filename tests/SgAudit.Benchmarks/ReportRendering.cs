using System.Collections.Immutable;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Reporting;

namespace SgAudit.Benchmarks;

/// <summary>Renders every report format through the same all-or-nothing file writer the CLI uses.</summary>
internal static class ReportRendering
{
    public static async Task<IReadOnlyList<(string File, long Bytes)>> RenderAllAsync(RuleCatalog catalog, ImmutableArray<ResolvedRule> rules, Inventory inventory, EvaluationResult evaluation, string outDir, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var result = new ScanResult("benchmark", now, now, new ScanInputs("model-file", "synthetic benchmark model"))
        {
            Catalog = catalog,
            Rules = rules,
            Inventory = inventory,
            Evaluation = evaluation,
        };
        var writers = new ReportWriterFactory(TemplateSet.Embedded).Create(ReportWriterFactory.SupportedFormats);
        if (Environment.GetEnvironmentVariable("SGAUDIT_BENCH_PER_WRITER") == "1")
        {
            foreach (var writer in writers)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await using var sink = Stream.Null;
                await writer.WriteAsync(result, sink, CancellationToken.None);
                Console.WriteLine(System.FormattableString.Invariant($"  {writer.FileName}: {watch.Elapsed.TotalSeconds:F2} s"));
            }
        }

        var paths = await ReportFileWriter.WriteAllAsync(writers, result, outDir, CancellationToken.None);
        return [.. paths.Select(p => (Path.GetFileName(p), new FileInfo(p).Length))];
    }
}
