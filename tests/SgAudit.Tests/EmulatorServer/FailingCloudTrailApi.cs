using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>A CloudTrail API with a bug: every call throws something that is not an AWS error.</summary>
internal sealed class FailingCloudTrailApi : ICloudTrailApi
{
    public Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken) => throw new InvalidOperationException("broken trail store");

    public Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) => throw new InvalidOperationException("broken trail store");

    public Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) => throw new InvalidOperationException("broken trail store");

    public Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("broken trail store");
}
