using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Model;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>
/// Per account: is there a multi-region trail that is logging management events? Lists the trails of every scanned
/// region, then reads status and event selectors of each multi-region trail in its home region. One such trail is
/// enough for "logging"; "not logging" needs every listing and every multi-region trail read, otherwise the account
/// is "not assessed": an unreadable trail is never "no trail".
/// </summary>
public sealed class TrailPostureCollector(int maxConcurrentAccounts = 4)
{
    public async Task<ImmutableArray<TrailPosture>> CollectAsync(IReadOnlyList<CloudTrailTarget> accounts, Inventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(inventory);
        var results = new TrailPosture[accounts.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, accounts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrentAccounts), CancellationToken = cancellationToken },
            async (index, ct) => results[index] = await PostureAsync(accounts[index], inventory, ct));
        return [.. results.OrderBy(p => p.AccountId, StringComparer.Ordinal)];
    }

    private static async Task<TrailPosture> PostureAsync(CloudTrailTarget account, Inventory inventory, CancellationToken cancellationToken)
    {
        var regions = inventory.Regions.Where(r => r.AccountId == account.AccountId).Select(r => r.Region)
            .Concat(inventory.NotAssessed.Where(s => s.AccountId == account.AccountId).Select(s => s.Region).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        if (regions.IsEmpty)
        {
            // The account's regions could not even be listed: there is nowhere to ask for trails.
            var scope = inventory.NotAssessed.FirstOrDefault(s => s.AccountId == account.AccountId);
            return new TrailPosture(account.AccountId, TrailPostureStatus.NotAssessed)
            {
                ErrorCode = scope?.ErrorCode ?? "SgAudit.NoRegions",
                ErrorMessage = scope?.Message ?? "No region of this account was scanned.",
            };
        }

        var trails = new Dictionary<string, (TrailShape Trail, string SeenIn)>(StringComparer.Ordinal);
        AwsApiException? failure = null;
        foreach (var region in regions)
        {
            try
            {
                foreach (var trail in await account.Api.DescribeTrailsAsync(region, cancellationToken))
                {
                    trails.TryAdd(trail.TrailARN ?? $"{region}/{trail.Name}", (trail, region));
                }
            }
            catch (AwsApiException ex)
            {
                failure ??= ex;
            }
        }

        var gaps = new List<(TrailGap Gap, TrailShape Trail, string HomeRegion)>();
        var multiRegion = trails.Values.Where(t => t.Trail.IsMultiRegionTrail == true).OrderBy(t => t.Trail.Name, StringComparer.Ordinal);
        foreach (var (trail, seenIn) in multiRegion)
        {
            var home = trail.HomeRegion ?? seenIn;
            var nameOrArn = trail.TrailARN ?? trail.Name ?? "";
            try
            {
                var status = await account.Api.GetTrailStatusAsync(home, nameOrArn, cancellationToken);
                var selectors = await account.Api.GetEventSelectorsAsync(home, nameOrArn, cancellationToken);
                if (status.IsLogging != true)
                {
                    gaps.Add((TrailGap.NotLogging, trail, home));
                }
                else if (!LogsManagementWriteEvents(selectors))
                {
                    gaps.Add((TrailGap.ManagementEventsExcluded, trail, home));
                }
                else
                {
                    return Describe(account.AccountId, TrailPostureStatus.Logging, trail, home, regions);
                }
            }
            catch (AwsApiException ex)
            {
                failure ??= ex;
            }
        }

        if (failure is not null)
        {
            return new TrailPosture(account.AccountId, TrailPostureStatus.NotAssessed) { ErrorCode = failure.ErrorCode, ErrorMessage = failure.ErrorMessage, Regions = regions };
        }

        // Report the trail closest to compliance: a logging trail missing management events, then a stopped one.
        var closest = gaps.OrderByDescending(g => g.Gap).FirstOrDefault();
        if (closest.Trail is not null)
        {
            return Describe(account.AccountId, TrailPostureStatus.NotLogging, closest.Trail, closest.HomeRegion, regions) with { Gap = closest.Gap };
        }

        var single = trails.Values.Select(t => t.Trail).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
        return single is null
            ? new TrailPosture(account.AccountId, TrailPostureStatus.NotLogging) { Gap = TrailGap.NoTrail, Regions = regions }
            : Describe(account.AccountId, TrailPostureStatus.NotLogging, single, single.HomeRegion, regions) with { Gap = TrailGap.NotMultiRegion };
    }

    /// <summary>
    /// Security-group changes are management write events. Advanced selectors: one with eventCategory = Management
    /// that does not restrict readOnly to true. Basic selectors: one including management events, All or WriteOnly.
    /// </summary>
    public static bool LogsManagementWriteEvents(EventSelectorsShape selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        if (selectors.AdvancedEventSelectors is { Count: > 0 } advanced)
        {
            return advanced.Any(selector =>
            {
                var fields = selector.FieldSelectors ?? [];
                var management = fields.Any(f => f.Field == "eventCategory" && (f.EqualTo?.Contains("Management") ?? false));
                var readOnly = fields.Any(f => f.Field == "readOnly" && (f.EqualTo?.Contains("true") ?? false));
                return management && !readOnly;
            });
        }

        return (selectors.EventSelectors ?? []).Any(s => s.IncludeManagementEvents == true && s.ReadWriteType is "All" or "WriteOnly");
    }

    private static TrailPosture Describe(string accountId, TrailPostureStatus status, TrailShape trail, string? homeRegion, ImmutableArray<string> regions) =>
        new(accountId, status) { TrailName = trail.Name, TrailArn = trail.TrailARN, HomeRegion = homeRegion, Regions = regions };
}
