using System.Collections.Concurrent;
using System.Collections.Immutable;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Tests.Collectors.CloudTrail;

/// <summary>Records every LookupEvents request on the way to a real (emulated) CloudTrail, or answers all of them with <see cref="Error"/>.</summary>
internal sealed class CountingCloudTrailApi(ICloudTrailApi inner) : ICloudTrailApi
{
    private readonly ConcurrentQueue<LookupEventsRequest> _lookups = new();

    public AwsApiException? Error { get; init; }

    public IReadOnlyList<LookupEventsRequest> Lookups => [.. _lookups];

    public Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken) => inner.DescribeTrailsAsync(region, cancellationToken);

    public Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) => inner.GetTrailStatusAsync(region, trailNameOrArn, cancellationToken);

    public Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) => inner.GetEventSelectorsAsync(region, trailNameOrArn, cancellationToken);

    public Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken)
    {
        _lookups.Enqueue(request);
        return Error is null ? inner.LookupEventsAsync(region, request, cancellationToken) : Task.FromException<LookupEventsPage>(Error);
    }
}
