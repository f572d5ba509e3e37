using System.Collections.Immutable;
using SgAudit.Collectors;

namespace SgAudit.Aws;

/// <summary>
/// The accounts a live scan reads, ready for <see cref="InventoryCollector"/>, and the counter of the API calls they
/// make. An account whose role could not be assumed is among <see cref="Targets"/> all the same: its APIs fail with
/// the STS error code (AccessDenied, …), which the collector reports as not assessed. Dispose after the scan: it owns
/// the HTTP connections.
/// </summary>
public sealed class AwsSource : IDisposable
{
    private readonly ImmutableArray<IDisposable> _resources;

    internal AwsSource(ImmutableArray<AccountTarget> targets, ImmutableArray<AwsAccountFailure> failures, ApiCallCounter calls, ImmutableArray<IDisposable> resources)
    {
        Targets = targets;
        Failures = failures;
        Calls = calls;
        _resources = resources;
    }

    /// <summary>One target per account, in the order given (the caller's own account when no role is named).</summary>
    public ImmutableArray<AccountTarget> Targets { get; }

    /// <summary>The accounts whose role could not be assumed, also present in <see cref="Targets"/>; for messages.</summary>
    public ImmutableArray<AwsAccountFailure> Failures { get; }

    /// <summary>API calls made so far, per operation (STS included).</summary>
    public ApiCallCounter Calls { get; }

    public void Dispose()
    {
        // Clients first, the shared connection pool they use last.
        foreach (var resource in _resources)
        {
            resource.Dispose();
        }
    }
}
