using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SgAudit.Emulator;

/// <summary>Thread-safe counts per action name.</summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string action) => _counts.AddOrUpdate(action, 1, static (_, count) => count + 1);

    public ImmutableSortedDictionary<string, long> Snapshot() => _counts.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
