using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.Engine;

namespace SgAudit.Reporting;

/// <summary>
/// Writes reports into a directory all-or-nothing: every report is rendered to a temporary file beside its target
/// first, and only when all succeeded are they moved into place. A failing template therefore never leaves a broken
/// or half-written report, and never replaces a good report from an earlier scan.
/// </summary>
public static class ReportFileWriter
{
    /// <summary>Render allocates about 1.1 KiB per finding for all four formats (402 MiB at 367,988); a little room above that.</summary>
    internal const long RenderBytesPerFinding = 1280;

    /// <summary>Renders every writer's report and returns the final file paths, in writer order.</summary>
    /// <exception cref="ReportException">A report could not be rendered; no file was written.</exception>
    public static async Task<ImmutableArray<string>> WriteAllAsync(IEnumerable<IReportWriter> writers, ScanResult result, string outDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writers);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);

        var list = writers.ToList();
        var duplicate = list.GroupBy(w => w.FileName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two writers write {duplicate.Key}", nameof(writers));
        }

        var directory = Path.GetFullPath(outDir);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReportException(directory, $"the output directory cannot be created: {ex.Message}", ex);
        }

        var staged = list.Select(writer => (
            Temporary: Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{writer.FileName}.{Environment.ProcessId}.tmp")),
            Final: Path.Combine(directory, writer.FileName))).ToList();
        using var noCollections = GcFreeRegion.Enter(GcFreeRegion.Budget(result.Evaluation.Findings.Length, RenderBytesPerFinding));
        try
        {
            // The writers share one view model and are independent otherwise: render them concurrently.
            // Each writer on a thread of its own: the writers block while one of them builds the shared view model,
            // and pool threads blocked that way starve the work the model itself queues (and the other writers).
            await Task.WhenAll(list.Select((writer, index) => Task.Factory.StartNew(
                async () =>
                {
                    await using var stream = Create(staged[index].Temporary);
                    await writer.WriteAsync(result, stream, cancellationToken);
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap()));

            foreach (var (temporary, final) in staged)
            {
                Move(temporary, final);
            }
        }
        finally
        {
            foreach (var (temporary, _) in staged)
            {
                TryDelete(temporary);
            }
        }

        return [.. staged.Select(s => s.Final)];
    }

    private static FileStream Create(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReportException(path, $"the report cannot be written: {ex.Message}", ex);
        }
    }

    private static void Move(string temporary, string final)
    {
        try
        {
            File.Move(temporary, final, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReportException(final, $"the report cannot be written: {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning up a temporary file is best effort; the original error (if any) matters more.
        }
    }
}
