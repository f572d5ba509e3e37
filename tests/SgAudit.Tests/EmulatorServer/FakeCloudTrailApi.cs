using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>
/// A small ICloudTrailApi: one multi-region trail homed in us-east-1, its status and selectors, and events that
/// page by offset. It records every LookupEvents request so tests can check what the JSON protocol translated.
/// </summary>
internal sealed class FakeCloudTrailApi(string accountId) : ICloudTrailApi
{
    public static readonly DateTimeOffset StartedLogging = new(2025, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);

    public string TrailArn { get; } = $"arn:aws:cloudtrail:us-east-1:{accountId}:trail/org-trail";

    public ConcurrentQueue<(string Region, LookupEventsRequest Request)> Lookups { get; } = new();

    public ImmutableArray<CloudTrailEventShape> Events { get; init; } = [];

    public Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken) =>
        Task.FromResult<ImmutableArray<TrailShape>>(
        [
            new TrailShape
            {
                Name = "org-trail",
                TrailARN = TrailArn,
                HomeRegion = "us-east-1",
                IsMultiRegionTrail = true,
                IsOrganizationTrail = false,
                IncludeGlobalServiceEvents = true,
                HasCustomEventSelectors = true,
                LogFileValidationEnabled = false,
                S3BucketName = "trail-bucket",
            },
            new TrailShape { Name = $"{region}-local", TrailARN = $"arn:aws:cloudtrail:{region}:{accountId}:trail/{region}-local", HomeRegion = region, IsMultiRegionTrail = false },
        ]);

    public Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) =>
        trailNameOrArn is "org-trail" || trailNameOrArn == TrailArn
            ? Task.FromResult(new TrailStatusShape { IsLogging = true, StartLoggingTime = StartedLogging, LatestDeliveryTime = StartedLogging.AddHours(1) })
            : throw new AwsApiException("TrailNotFoundException", $"Unknown trail: {trailNameOrArn} for the user: {accountId}");

    public Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) =>
        Task.FromResult(new EventSelectorsShape
        {
            TrailARN = TrailArn,
            AdvancedEventSelectors =
            [
                new AdvancedEventSelectorShape
                {
                    Name = "management",
                    FieldSelectors = [new AdvancedFieldSelectorShape { Field = "eventCategory", EqualTo = ["Management"] }, new AdvancedFieldSelectorShape { Field = "readOnly", EqualTo = ["false"] }],
                },
            ],
        });

    public Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken)
    {
        Lookups.Enqueue((region, request));
        var matching = Events.Where(e => e.Resources?.Any(r => r.ResourceName == request.ResourceName) == true).ToList();
        var offset = request.NextToken is null ? 0 : int.Parse(request.NextToken, CultureInfo.InvariantCulture);
        var page = matching.Skip(offset).Take(request.MaxResults).ToImmutableArray();
        var next = offset + page.Length < matching.Count ? (offset + page.Length).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new LookupEventsPage(page, next));
    }

    public static CloudTrailEventShape Event(int number, string groupId) => new()
    {
        EventId = $"event-{number:D3}",
        EventName = "AuthorizeSecurityGroupIngress",
        ReadOnly = "false",
        AccessKeyId = "AKIAEXAMPLE",
        EventTime = StartedLogging.AddMinutes(number).AddMilliseconds(number),
        EventSource = "ec2.amazonaws.com",
        Username = "alice",
        Resources = [new CloudTrailResourceShape { ResourceType = "AWS::EC2::SecurityGroup", ResourceName = groupId }],
        CloudTrailEvent = $$$"""{"eventVersion":"1.08","eventName":"AuthorizeSecurityGroupIngress","requestParameters":{"groupId":"{{{groupId}}}"}}""",
    };
}
