using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>
/// The CloudTrail read calls SgAudit makes, in AWS's shapes, for one account. The embedded emulator and the live
/// client implement it. Errors are <see cref="AwsApiException"/> with CloudTrail's code (TrailNotFoundException,
/// ThrottlingException, AccessDeniedException, …).
/// </summary>
public interface ICloudTrailApi
{
    /// <summary>DescribeTrails in <paramref name="region"/>, shadow trails included (a multi-region trail appears in every region).</summary>
    Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken);

    /// <summary>GetTrailStatus for a trail name or ARN, asked in the trail's home region.</summary>
    Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken);

    /// <summary>GetEventSelectors for a trail name or ARN, asked in the trail's home region.</summary>
    Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken);

    /// <summary>One page of LookupEvents (MaxResults 1–50) in <paramref name="region"/>.</summary>
    Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken);
}
