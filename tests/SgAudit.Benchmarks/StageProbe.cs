using System.Diagnostics;

namespace SgAudit.Benchmarks;

/// <summary>
/// A snapshot of the process's counters; the difference of two is one stage's cost. Wall clock alone is misleading on
/// a shared machine, so CPU time, allocation volume and GC counts are recorded too.
/// </summary>
internal readonly record struct StageProbe(TimeSpan Wall, TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static StageProbe Take()
    {
        using var process = Process.GetCurrentProcess();
        return new(Clock.Elapsed, process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }

    public static StageProbe operator -(StageProbe end, StageProbe start) =>
        new(end.Wall - start.Wall, end.Cpu - start.Cpu, end.Allocated - start.Allocated, end.Gen0 - start.Gen0, end.Gen1 - start.Gen1, end.Gen2 - start.Gen2, end.Pause - start.Pause);

    public static StageProbe operator +(StageProbe a, StageProbe b) =>
        new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.Allocated + b.Allocated, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2, a.Pause + b.Pause);
}
