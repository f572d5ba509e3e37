using System.Runtime;

namespace SgAudit.Reporting;

/// <summary>
/// Rendering without garbage collections, where the runtime allows it. Rendering allocates about 1 KiB per finding,
/// nearly all of it garbage once the files are written, while the inventory and the findings (hundreds of MB at scale)
/// stay live: a collection during render mostly marks live data again, and a full one that compacts costs seconds
/// (docs/performance.md, change 29). Best effort: when the runtime refuses the region (the budget is more than it
/// allows, or another region is open in this process, which the runtime then ends too), or rendering allocates past
/// the budget, collections happen as usual. The CLI renders once per process; tests may render several at once.
/// </summary>
internal sealed class GcFreeRegion : IDisposable
{
    /// <summary>Render allocates about 1.1 KiB per finding for all four formats (402 MiB at 367,988); a little room above that.</summary>
    internal const long BytesPerFinding = 1280;

    internal const long MinimumBytes = 32L << 20;

    /// <summary>Bounds what a very large scan holds uncollected: past it, collections happen as usual.</summary>
    internal const long MaximumBytes = 512L << 20;

    private GcFreeRegion(bool entered) => Entered = entered;

    /// <summary>Whether this region is the one open; false when the runtime refused it.</summary>
    public bool Entered { get; }

    /// <summary>The allocation budget for rendering <paramref name="findings"/> findings.</summary>
    /// <param name="findings">How many findings the reports render.</param>
    public static long BudgetFor(int findings) => Math.Clamp(MinimumBytes + (findings * BytesPerFinding), MinimumBytes, MaximumBytes);

    /// <summary>Opens a region of <paramref name="bytes"/> without collections, or a no-op when the runtime refuses.</summary>
    /// <param name="bytes">How much may be allocated before collections resume.</param>
    public static GcFreeRegion Enter(long bytes)
    {
        try
        {
            // No full blocking collection to make room: when the room is not there, go without the region.
            return new GcFreeRegion(GC.TryStartNoGCRegion(bytes, disallowFullBlockingGC: true));
        }
        catch (InvalidOperationException)
        {
            return new GcFreeRegion(false); // another region was open (another scan in this process renders); the runtime ended it
        }
        catch (ArgumentOutOfRangeException)
        {
            return new GcFreeRegion(false); // more than this runtime's GC can set aside
        }
    }

    public void Dispose()
    {
        if (!Entered || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region had already ended: rendering allocated past the budget and the GC collected.
        }
    }
}
