using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Collectors.Models;

namespace SgAudit.Collectors.Emulator;

/// <summary>
/// CloudTrail for one account of the embedded emulator, answered from the model's `Trails` and `CloudTrailEvents`
/// with CloudTrail's rules: multi-region trails appear in every region (shadow trails), status and selectors are
/// found by name in the home region or by ARN, LookupEvents returns newest first in pages of 1–50 whose NextToken
/// only replays with the same parameters. Model event times are used as they are: the caller's window decides what
/// is recent. Only the CloudTrail parts of the model are kept, so the EC2 shapes can be collected once read.
/// </summary>
public sealed class EmulatedCloudTrailApi : ICloudTrailApi
{
    /// <summary>LookupEvents for a resource a snapshot did not look up (`CloudTrailLookups`): that one resource is not assessed.</summary>
    public const string NotRecordedCode = "SgAudit.NotRecorded";

    private readonly string _accountId;
    private readonly ModelError? _accountError;
    private readonly Dictionary<string, RegionData> _regions;

    public EmulatedCloudTrailApi(ModelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _accountId = account.Id!;
        _accountError = account.Error;
        _regions = account.Regions.Where(r => r.Name is not null).ToDictionary(r => r.Name!, r => new RegionData(r), StringComparer.Ordinal);
    }

    public Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken)
    {
        var data = Enter(region, cancellationToken);
        var own = data.Trails ?? throw NotProvided("trails", region);

        // Every multi-region trail shows in every region; other regions that provide no trails add nothing.
        var shadows = _regions.Values
            .Where(r => !ReferenceEquals(r, data))
            .SelectMany(r => r.Trails ?? [])
            .Where(t => t.IsMultiRegionTrail == true);
        return Task.FromResult(own.Concat(shadows).Select(Describe).ToImmutableArray());
    }

    public Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken)
    {
        var trail = Find(Enter(region, cancellationToken), region, trailNameOrArn);
        return Task.FromResult(trail.Status ?? throw NotProvided($"the status of trail {trail.Name}", region));
    }

    public Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken)
    {
        var trail = Find(Enter(region, cancellationToken), region, trailNameOrArn);
        var advanced = trail.AdvancedEventSelectors is { Count: > 0 };
        return Task.FromResult(new EventSelectorsShape
        {
            TrailARN = trail.TrailARN,
            EventSelectors = advanced ? null : trail.EventSelectors ?? [DefaultSelector()],
            AdvancedEventSelectors = advanced ? trail.AdvancedEventSelectors : null,
        });
    }

    public Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = Enter(region, cancellationToken);
        if (request.MaxResults is < 1 or > LookupEventsRequest.Maximum)
        {
            throw new AwsApiException("InvalidMaxResultsException", string.Create(CultureInfo.InvariantCulture, $"Value {request.MaxResults} for MaxResults is invalid: it must be between 1 and 50."), 400);
        }

        if (request.StartTime > request.EndTime)
        {
            throw new AwsApiException("InvalidTimeRangeException", "Start time must not be after end time.", 400);
        }

        if (string.IsNullOrEmpty(request.ResourceName))
        {
            throw new AwsApiException("InvalidLookupAttributesException", "ResourceName must not be empty.", 400);
        }

        var byResource = data.EventsByResource ?? throw NotProvided("CloudTrail events", region);
        if (data.Lookups is { } lookups && !lookups.Contains(request.ResourceName))
        {
            throw new AwsApiException(NotRecordedCode, $"The model records CloudTrail events in {region} only for the resources it looked up; {request.ResourceName} is not one of them.", 400);
        }

        var matching = byResource.TryGetValue(request.ResourceName, out var events)
            ? events.Where(e => e.EventTime >= request.StartTime && e.EventTime <= request.EndTime).ToList()
            : [];
        var parameters = ParameterHash(request);
        var offset = request.NextToken is null ? 0 : DecodeToken(request.NextToken, parameters);
        if (offset > matching.Count)
        {
            throw InvalidToken();
        }

        var count = Math.Min(request.MaxResults, matching.Count - offset);
        var next = offset + count < matching.Count ? EncodeToken(parameters, offset + count) : null;
        return Task.FromResult(new LookupEventsPage([.. matching.GetRange(offset, count)], next));
    }

    private RegionData Enter(string region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfError(_accountError);
        var data = _regions.GetValueOrDefault(region)
            ?? throw new AwsApiException("OptInRequired", $"You are not subscribed to region {region}.", 401);
        ThrowIfError(data.Error);
        return data;
    }

    /// <summary>By ARN: any trail visible in the region (shadow trails included). By name: only trails whose home region this is, as in CloudTrail.</summary>
    private ModelTrail Find(RegionData data, string region, string nameOrArn)
    {
        var visible = (data.Trails ?? throw NotProvided("trails", region))
            .Concat(_regions.Values.Where(r => !ReferenceEquals(r, data)).SelectMany(r => r.Trails ?? []).Where(t => t.IsMultiRegionTrail == true));
        var trail = nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? visible.FirstOrDefault(t => t.TrailARN == nameOrArn)
            : data.Trails.FirstOrDefault(t => t.Name == nameOrArn);
        return trail ?? throw new AwsApiException("TrailNotFoundException", $"Unknown trail: {nameOrArn} for the user: {_accountId}", 400);
    }

    private static TrailShape Describe(ModelTrail trail) => new()
    {
        Name = trail.Name,
        TrailARN = trail.TrailARN,
        HomeRegion = trail.HomeRegion,
        IsMultiRegionTrail = trail.IsMultiRegionTrail,
        IsOrganizationTrail = trail.IsOrganizationTrail ?? false,
        IncludeGlobalServiceEvents = trail.IncludeGlobalServiceEvents,
        // As describe-trails printed it when the model gives it (get-event-selectors lists AWS's defaults too).
        HasCustomEventSelectors = trail.HasCustomEventSelectors ?? (trail.EventSelectors is not null || trail.AdvancedEventSelectors is not null),
        LogFileValidationEnabled = trail.LogFileValidationEnabled,
        S3BucketName = trail.S3BucketName,
    };

    /// <summary>What CloudTrail gives a trail created without selectors: every management event, read and write.</summary>
    private static EventSelectorShape DefaultSelector() => new() { ReadWriteType = "All", IncludeManagementEvents = true, ExcludeManagementEventSources = [] };

    private static void ThrowIfError(ModelError? error)
    {
        if (error is not null)
        {
            throw new AwsApiException(error.Code!, error.Message ?? "The model marks this scope as unreadable.", 403);
        }
    }

    private static AwsApiException NotProvided(string what, string region) =>
        new(EmulatedEc2Api.NotProvidedCode, $"The model does not provide {what} for {region}.", 400);

    private static AwsApiException InvalidToken() => new("InvalidNextTokenException", "Invalid token.", 400);

    /// <summary>A token is only valid with the parameters it was issued for, so it carries a hash of them.</summary>
    private static string ParameterHash(LookupEventsRequest request)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{request.ResourceName}|{request.StartTime.UtcTicks}|{request.EndTime.UtcTicks}|{request.MaxResults}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string EncodeToken(string parameters, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"sgaudit-emulator:lookup-events:{parameters}:{offset}")));

    private static int DecodeToken(string token, string parameters)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            if (parts.Length == 4 && parts[0] == "sgaudit-emulator" && parts[1] == "lookup-events" && parts[2] == parameters
                && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to CloudTrail's error below.
        }

        throw InvalidToken();
    }

    /// <summary>The CloudTrail parts of one model region; events indexed by resource name, newest first.</summary>
    private sealed class RegionData(ModelRegion region)
    {
        public ModelError? Error { get; } = region.Error;

        public List<ModelTrail>? Trails { get; } = region.Trails;

        public HashSet<string>? Lookups { get; } = region.CloudTrailLookups?.ToHashSet(StringComparer.Ordinal);

        public Dictionary<string, List<CloudTrailEventShape>>? EventsByResource { get; } = region.CloudTrailEvents?
            .SelectMany(e => (e.Resources ?? []).Select(r => r.ResourceName).OfType<string>().Distinct(StringComparer.Ordinal).Select(name => (Name: name, Event: e)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(p => p.Event).OrderByDescending(e => e.EventTime).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
    }
}
