namespace SgAudit.Emulator;

/// <summary>Decides, request by request in arrival order, which ones to throttle: a seeded draw, so a run can be replayed.</summary>
internal sealed class ThrottleSequence(double rate, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public bool Next()
    {
        lock (_gate)
        {
            // Always draw, even at rate 0 or 1, so the n-th decision depends only on n and the seed.
            return _random.NextDouble() < rate;
        }
    }
}
