using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SgAudit.Benchmarks;

/// <summary>
/// Times a fixed piece of CPU work on every core at once, to tell how fast the host is running right now. This
/// project's machine is a virtual one that shares its physical cores: a fixed single-threaded loop took anywhere from
/// 1.35 to 2.90 s within minutes (docs/performance.md), so a slow scan may say more about the host than about SgAudit.
/// A benchmark run reports this probe before and after itself, and `--cli-runs` between every two CLI runs.
/// </summary>
internal static class HostSpeedProbe
{
    /// <summary>Steps of the reference loop per core: about 150 ms on this project's machine when its host is quiet.</summary>
    private const int Steps = 60_000_000;

    private const int Rounds = 3;

    /// <summary>
    /// The median of three rounds, each the time the slowest core took for the reference work; the work itself is the
    /// same on every call, so only the host's speed moves it.
    /// </summary>
    public static TimeSpan Measure()
    {
        var rounds = new TimeSpan[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            rounds[i] = Round();
        }

        Array.Sort(rounds);
        return rounds[Rounds / 2];
    }

    private static TimeSpan Round()
    {
        var cores = Environment.ProcessorCount;
        var times = new TimeSpan[cores];
        var checksums = new long[cores];
        using var start = new Barrier(cores);
        var threads = Enumerable.Range(0, cores).Select(core => new Thread(() =>
        {
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            checksums[core] = Work(core + 1);
            times[core] = clock.Elapsed;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (checksums.Any(c => c == 0))
        {
            throw new InvalidOperationException("The reference work computed nothing."); // keeps the loop from being optimized away
        }

        return times.Max();
    }

    /// <summary>
    /// A xorshift sequence counted into a table that fits a core's L2 cache: arithmetic, branches and memory, like a
    /// scan, and nothing the runtime does differently between calls (optimized at once, no allocation inside).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long Work(int seed)
    {
        var table = new int[1 << 16];
        var x = (ulong)seed * 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Steps; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            table[(int)(x & 0xFFFF)]++;
        }

        long checksum = 0;
        for (var i = 0; i < table.Length; i++)
        {
            checksum += (long)table[i] * (i + 1);
        }

        return checksum;
    }
}
