namespace SgAudit.Aws.Http;

/// <summary>
/// Spaces requests that share a key (account and region) at most <c>permitsPerSecond</c> apart: each caller reserves
/// the next free slot under a lock and waits for it on the <see cref="TimeProvider"/>, so callers go in arrival order
/// and tests can use a fake clock. (System.Threading.RateLimiting's limiters run on their own timers, which a fake
/// clock cannot drive.)
/// </summary>
internal sealed class RequestSpacer
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _nextSlot = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly long _interval;

    public RequestSpacer(double permitsPerSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        _timeProvider = timeProvider;
        _interval = (long)Math.Ceiling(timeProvider.TimestampFrequency / permitsPerSecond);
    }

    public async ValueTask WaitAsync(string key, CancellationToken cancellationToken)
    {
        long slot;
        long now;
        lock (_lock)
        {
            now = _timeProvider.GetTimestamp();
            slot = Math.Max(now, _nextSlot.GetValueOrDefault(key, long.MinValue));
            _nextSlot[key] = slot + _interval;
        }

        if (slot > now)
        {
            await Task.Delay(_timeProvider.GetElapsedTime(now, slot), _timeProvider, cancellationToken);
        }
    }
}
