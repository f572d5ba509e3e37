using System.Collections.Immutable;
using SgAudit.Collectors.Emulator;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>
/// After the rules ran: for each distinct failing security group, asks CloudTrail (LookupEvents by resource name)
/// for the newest call that created or changed it within the lookback window. Regions run concurrently, the groups
/// of one region one after another (CloudTrail's rate limit is per account and region), at most
/// <see cref="AttributionOptions.MaxLookupsPerRegion"/> of them. Network ACL findings are out of scope.
/// </summary>
public sealed class ChangeAttributionCollector(AttributionOptions options, TimeProvider time)
{
    public async Task<ImmutableArray<GroupAttribution>> CollectAsync(IReadOnlyList<CloudTrailTarget> accounts, IEnumerable<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(findings);
        var end = time.GetUtcNow();
        var start = end.AddDays(-Math.Clamp(options.LookbackDays, 1, AttributionOptions.CloudTrailRetentionDays));
        var scopes = findings
            .Where(f => f.ResourceKind == ResourceKind.SecurityGroup)
            .Select(f => (f.AccountId, f.Region, GroupId: f.ResourceId))
            .Distinct()
            .GroupBy(g => (g.AccountId, g.Region))
            .OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .Select(g => (g.Key.AccountId, g.Key.Region, Groups: g.Select(x => x.GroupId).Order(StringComparer.Ordinal).ToImmutableArray()))
            .ToList();

        var apis = accounts.ToDictionary(a => a.AccountId, a => a.Api, StringComparer.Ordinal);
        var results = new ImmutableArray<GroupAttribution>[scopes.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scopes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentRegions), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var (accountId, region, groups) = scopes[index];
                results[index] = apis.TryGetValue(accountId, out var api)
                    ? await AttributeRegionAsync(api, accountId, region, groups, start, end, ct)
                    : [.. groups.Select(g => GroupAttribution.NotAssessed(accountId, region, g, EmulatedEc2Api.NotProvidedCode, "The source has no CloudTrail for this account."))];
            });
        return [.. results.SelectMany(r => r)];
    }

    private async Task<ImmutableArray<GroupAttribution>> AttributeRegionAsync(ICloudTrailApi api, string accountId, string region, ImmutableArray<string> groups, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<GroupAttribution>(groups.Length);
        AwsApiException? refused = null;
        for (var i = 0; i < groups.Length; i++)
        {
            var groupId = groups[i];
            if (i >= options.MaxLookupsPerRegion)
            {
                results.Add(new GroupAttribution(accountId, region, groupId, AttributionStatus.NotLookedUp));
            }
            else if (refused is not null)
            {
                // A region that refused one lookup (no permission, not provided, throttled past retries) would refuse
                // the next hundreds too; asking again would only hammer it.
                results.Add(GroupAttribution.NotAssessed(accountId, region, groupId, refused.ErrorCode, refused.ErrorMessage));
            }
            else
            {
                try
                {
                    var change = await NewestChangeAsync(api, accountId, region, groupId, start, end, cancellationToken);
                    results.Add(change is null ? new GroupAttribution(accountId, region, groupId, AttributionStatus.NoChangeInWindow) : GroupAttribution.Found(change));
                }
                catch (AwsApiException ex)
                {
                    // Only this resource is missing from a snapshot; the region answers the others.
                    refused = ex.ErrorCode == EmulatedCloudTrailApi.NotRecordedCode ? null : ex;
                    results.Add(GroupAttribution.NotAssessed(accountId, region, groupId, ex.ErrorCode, ex.ErrorMessage));
                }
            }
        }

        return results.MoveToImmutable();
    }

    /// <summary>
    /// Pages through the group's events (newest first, as CloudTrail returns them) and stops at the first page that
    /// holds a change: later pages are older. Events outside the window are ignored even if returned.
    /// </summary>
    private async Task<GroupChange?> NewestChangeAsync(ICloudTrailApi api, string accountId, string region, string groupId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await api.LookupEventsAsync(region, new LookupEventsRequest(groupId, start, end, options.PageSize, token), cancellationToken);
            var newest = page.Events
                .Where(e => e.EventTime >= start && e.EventTime <= end)
                .Select(e => CloudTrailEventMapper.ToGroupChange(e, accountId, region, groupId))
                .OfType<GroupChange>()
                .OrderByDescending(c => c.EventTime)
                .ThenBy(c => c.EventId, StringComparer.Ordinal)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }

            token = page.NextToken;
            if (token is not null && !seenTokens.Add(token))
            {
                throw new AwsApiException("InvalidResponse", "CloudTrail returned the same NextToken twice; the listing would never end.");
            }
        }
        while (token is not null);

        return null;
    }
}
