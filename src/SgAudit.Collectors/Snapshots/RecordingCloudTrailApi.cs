using System.Collections.Concurrent;
using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Collectors.Snapshots;

/// <summary>
/// Passes CloudTrail calls through and keeps what they returned, and where any of them failed, so a snapshot can
/// carry trails and change events only where they were read completely (elsewhere the replay says "not assessed").
/// </summary>
public sealed class RecordingCloudTrailApi(ICloudTrailApi inner) : ICloudTrailApi
{
    private readonly ConcurrentDictionary<string, ImmutableArray<TrailShape>> _trails = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Region, string Trail), TrailStatusShape> _statuses = new();
    private readonly ConcurrentDictionary<(string Region, string Trail), EventSelectorsShape> _selectors = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, CloudTrailEventShape>> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failedTrailRegions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failedEventRegions = new(StringComparer.Ordinal);

    /// <summary>Regions whose DescribeTrails answered, with the trails (shadow trails included).</summary>
    public IReadOnlyDictionary<string, ImmutableArray<TrailShape>> Trails => _trails;

    /// <summary>True when a DescribeTrails, GetTrailStatus or GetEventSelectors call failed anywhere in the account.</summary>
    public bool TrailCallFailed => !_failedTrailRegions.IsEmpty;

    public async Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken)
    {
        var trails = await Record(_failedTrailRegions, region, () => inner.DescribeTrailsAsync(region, cancellationToken));
        _trails[region] = trails;
        return trails;
    }

    public async Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken)
    {
        var status = await Record(_failedTrailRegions, region, () => inner.GetTrailStatusAsync(region, trailNameOrArn, cancellationToken));
        _statuses[(region, trailNameOrArn)] = status;
        return status;
    }

    public async Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken)
    {
        var selectors = await Record(_failedTrailRegions, region, () => inner.GetEventSelectorsAsync(region, trailNameOrArn, cancellationToken));
        _selectors[(region, trailNameOrArn)] = selectors;
        return selectors;
    }

    public async Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken)
    {
        var page = await Record(_failedEventRegions, region, () => inner.LookupEventsAsync(region, request, cancellationToken));
        _lookups.GetOrAdd(region, static _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))[request.ResourceName] = true;
        var events = _events.GetOrAdd(region, static _ => new ConcurrentDictionary<string, CloudTrailEventShape>(StringComparer.Ordinal));
        foreach (var recorded in page.Events.Where(e => e.EventId is not null))
        {
            events.TryAdd(recorded.EventId!, recorded);
        }

        return page;
    }

    /// <summary>The status recorded for a trail, asked by ARN or by name.</summary>
    public TrailStatusShape? StatusOf(TrailShape trail) => Find(_statuses, trail);

    /// <summary>The selectors recorded for a trail, asked by ARN or by name.</summary>
    public EventSelectorsShape? SelectorsOf(TrailShape trail) => Find(_selectors, trail);

    /// <summary>
    /// The events LookupEvents returned in a region, newest first; null when no lookup was made there or one failed
    /// (a replay must then say "not assessed", not "no change").
    /// </summary>
    public List<CloudTrailEventShape>? EventsIn(string region) =>
        _failedEventRegions.ContainsKey(region) || !_events.TryGetValue(region, out var events)
            ? null
            : [.. events.Values.OrderByDescending(e => e.EventTime).ThenBy(e => e.EventId, StringComparer.Ordinal)];

    /// <summary>The resource names looked up in a region, in order; null when none were.</summary>
    public List<string>? LookupsIn(string region) =>
        _lookups.TryGetValue(region, out var names) ? [.. names.Keys.Order(StringComparer.Ordinal)] : null;

    private static T? Find<T>(ConcurrentDictionary<(string Region, string Trail), T> answers, TrailShape trail)
        where T : class =>
        answers.FirstOrDefault(a => a.Key.Region == trail.HomeRegion && (a.Key.Trail == trail.TrailARN || a.Key.Trail == trail.Name)).Value
        ?? answers.FirstOrDefault(a => a.Key.Trail == trail.TrailARN).Value;

    private static async Task<T> Record<T>(ConcurrentDictionary<string, bool> failures, string region, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AwsApiException)
        {
            failures[region] = true;
            throw;
        }
    }
}
