using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using SgAudit.Tests.Support;

namespace SgAudit.Benchmarks;

/// <summary>
/// `--cli-runs N`: times the CLI itself, N fresh `sgaudit scan` processes on the synthetic model, each between two host
/// speed probes, so the whole scan is measured as a user runs it (process start, JIT, console) and a slow run can be
/// told apart from a slow host. The probes see the host only at the ends of a run, not during it: a run whose probes
/// were both quiet can still have been slowed, so the quiet runs' numbers are an upper bound for a quiet host. The CLI
/// is the build of the same configuration as this benchmark (which references the CLI project so that building one
/// builds the other).
/// </summary>
internal static class CliRuns
{
    /// <summary>A run counts as on a quiet host when both its probes are within this factor of the fastest probe seen.</summary>
    private const double QuietHostFactor = 1.15;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(string? cliPath, string modelPath, string outDir, int runs, TextWriter output)
    {
        var cli = cliPath ?? DefaultCliPath();
        if (!File.Exists(cli))
        {
            output.WriteLine($"The CLI is not at {cli}: build it (dotnet build -c Release SgAudit.sln) or pass --cli PATH.");
            return 2;
        }

        var reportDir = Path.Combine(outDir, "cli-report");
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"Timing {runs} CLI scan(s): {cli} scan --model {modelPath} --fail-on none --out {reportDir}");
        output.WriteLine("| run | host probe before / after, ms | wall s | CPU s | peak RSS MiB |");
        output.WriteLine("|---|---|---|---|---|");
        var results = new List<CliRun>();
        var probe = HostSpeedProbe.Measure();
        for (var i = 1; i <= runs; i++)
        {
            var (exitCode, wall, cpu, peak, errors) = await ScanOnceAsync(cli, ["scan", "--model", modelPath, "--fail-on", "none", "--out", reportDir]);
            if (exitCode != 0)
            {
                output.WriteLine($"Run {i}: sgaudit exited with {exitCode}:");
                output.WriteLine(errors);
                return 1;
            }

            var after = HostSpeedProbe.Measure();
            var run = new CliRun(probe, after, wall, cpu, peak);
            probe = after; // the probe after one run is the probe before the next
            results.Add(run);
            output.WriteLine(string.Create(c, $"| {i} | {run.ProbeBefore.TotalMilliseconds:F0} / {run.ProbeAfter.TotalMilliseconds:F0} | {run.Wall.TotalSeconds:F2} | {run.Cpu.TotalSeconds:F2} | {run.PeakWorkingSet / 1048576.0:N0} |"));
        }

        var fastestProbe = results.Min(r => r.FasterProbe);
        var quiet = results.Where(r => r.SlowerProbe.TotalMilliseconds <= fastestProbe.TotalMilliseconds * QuietHostFactor).ToList();
        output.WriteLine();
        output.WriteLine(string.Create(c, $"All {results.Count} runs: wall {Summary(results.Select(r => r.Wall.TotalSeconds))} s, CPU {Summary(results.Select(r => r.Cpu.TotalSeconds))} s, peak RSS {Summary(results.Select(r => r.PeakWorkingSet / 1048576.0), "N0")} MiB."));
        output.WriteLine(quiet.Count == 0
            ? "No run had both probes within the quiet-host factor of the fastest."
            : string.Create(c, $"The {quiet.Count} run(s) with both host probes within {QuietHostFactor:F2}x of the fastest ({fastestProbe.TotalMilliseconds:F0} ms): wall {Summary(quiet.Select(r => r.Wall.TotalSeconds))} s, CPU {Summary(quiet.Select(r => r.Cpu.TotalSeconds))} s."));
        return 0;
    }

    /// <summary>The median, then the range: "9.80 (8.70–12.10)".</summary>
    private static string Summary(IEnumerable<double> values, string format = "F2")
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var c = CultureInfo.InvariantCulture;
        return $"{median.ToString(format, c)} ({sorted[0].ToString(format, c)}–{sorted[^1].ToString(format, c)})";
    }

    private static async Task<(int ExitCode, TimeSpan Wall, TimeSpan Cpu, long PeakWorkingSet, string Errors)> ScanOnceAsync(string cli, string[] arguments)
    {
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var errors = new Queue<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {cli}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                if (e.Data is { } line)
                {
                    errors.Enqueue(line);
                    if (errors.Count > 20)
                    {
                        errors.Dequeue();
                    }
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The counters can only be read while the process lives: poll them, and keep the last reading.
        var cpu = TimeSpan.Zero;
        long peak = 0;
        var exited = process.WaitForExitAsync();
        while (!exited.IsCompleted)
        {
            try
            {
                process.Refresh();
                cpu = process.TotalProcessorTime;
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break; // it exited between the check and the read
            }

            await Task.WhenAny(exited, Task.Delay(PollInterval));
        }

        await exited;
        var wall = clock.Elapsed;
        lock (errors)
        {
            return (process.ExitCode, wall, cpu, peak, string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>The CLI's own launcher in its build output of this benchmark's configuration, in this repository.</summary>
    private static string DefaultCliPath()
    {
        var configuration = typeof(CliRuns).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var launcher = OperatingSystem.IsWindows() ? "sgaudit.exe" : "sgaudit";
        return Path.Combine(RepositoryPaths.RepositoryRoot, "src", "SgAudit.Cli", "bin", configuration, "net10.0", launcher);
    }
}
