using System.Runtime;

namespace SgAudit.Core.Engine;

/// <summary>
/// A stretch of work without garbage collections, where the runtime allows it: evaluating rules and rendering reports
/// at scale. Both allocate hundreds of MB while the inventory (and then the findings) stay live, so a collection in
/// the middle mostly marks and copies live data again, and a full one that compacts costs seconds
/// (docs/performance.md, changes 29 and 34). Best effort: when the runtime refuses the region (the budget is more than
/// it allows, or another region is open in this process, which the runtime then ends too), or the work allocates past
/// the budget, collections happen as usual. The CLI evaluates and renders once per process; tests may do several at once.
/// </summary>
public sealed class GcFreeRegion : IDisposable
{
    /// <summary>Below this a region is not worth a collection to make room for it.</summary>
    public const long MinimumBytes = 32L << 20;

    /// <summary>Bounds what a very large scan holds uncollected: past it, collections happen as usual.</summary>
    public const long MaximumBytes = 512L << 20;

    private GcFreeRegion(bool entered) => Entered = entered;

    /// <summary>Whether this region is the one open; false when the runtime refused it.</summary>
    public bool Entered { get; }

    /// <summary>A budget of <paramref name="bytesPerItem"/> for each of <paramref name="items"/>, within the bounds.</summary>
    /// <param name="items">How many items (findings, permissions) the work handles.</param>
    /// <param name="bytesPerItem">What the work allocates for each, measured, with a little room.</param>
    public static long Budget(long items, long bytesPerItem) => Math.Clamp(MinimumBytes + (items * bytesPerItem), MinimumBytes, MaximumBytes);

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
            return new GcFreeRegion(false); // another region was open (another scan in this process); the runtime ended it
        }
        catch (ArgumentOutOfRangeException)
        {
            return new GcFreeRegion(false); // a budget this GC rejects outright (not positive; above a segments GC's limit)
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
