using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SgAudit.Aws;

/// <summary>
/// Counts the AWS API calls a scan made, per operation ("ec2:DescribeSecurityGroups"), every attempt included, and
/// how many of them were retries. Thread-safe; the CLI and the benchmark print it as "API calls made".
/// </summary>
public sealed class ApiCallCounter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _retries = new(StringComparer.Ordinal);

    public long TotalCalls => _calls.Values.Sum();

    public long TotalRetries => _retries.Values.Sum();

    /// <summary>Calls per operation, ordered by name.</summary>
    public ImmutableSortedDictionary<string, long> Calls => _calls.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Retried attempts per operation (already included in <see cref="Calls"/>), ordered by name.</summary>
    public ImmutableSortedDictionary<string, long> Retries => _retries.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public void RecordCall(string operation) => _calls.AddOrUpdate(operation, 1, static (_, n) => n + 1);

    public void RecordRetry(string operation) => _retries.AddOrUpdate(operation, 1, static (_, n) => n + 1);
}
