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
        var scopes = FailingGroupsByScope(findings);

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

    /// <summary>
    /// The distinct failing groups of each (account, region), both in ordinal order. One set of ids per scope, and the
    /// scope looked up only when it changes: a large scan has hundreds of thousands of findings in scope order, and
    /// a set of (account, region, group) tuples over all of them took 0.4 CPU s at 100,000 groups, on one core.
    /// </summary>
    private static List<(string AccountId, string Region, ImmutableArray<string> Groups)> FailingGroupsByScope(IEnumerable<Finding> findings)
    {
        var byScope = new Dictionary<(string AccountId, string Region), HashSet<string>>();
        HashSet<string>? current = null;
        (string AccountId, string Region) currentScope = default;
        foreach (var finding in findings)
        {
            if (finding.ResourceKind != ResourceKind.SecurityGroup)
            {
                continue;
            }

            if (current is null || !string.Equals(finding.AccountId, currentScope.AccountId, StringComparison.Ordinal) || !string.Equals(finding.Region, currentScope.Region, StringComparison.Ordinal))
            {
                currentScope = (finding.AccountId, finding.Region);
                if (!byScope.TryGetValue(currentScope, out current))
                {
                    current = new HashSet<string>(StringComparer.Ordinal);
                    byScope.Add(currentScope, current);
                }
            }

            current.Add(finding.ResourceId);
        }

        return [.. byScope
            .OrderBy(s => s.Key.AccountId, StringComparer.Ordinal).ThenBy(s => s.Key.Region, StringComparer.Ordinal)
            .Select(s => (s.Key.AccountId, s.Key.Region, s.Value.Order(StringComparer.Ordinal).ToImmutableArray()))];
    }

    private async Task<ImmutableArray<GroupAttribution>> AttributeRegionAsync(ICloudTrailApi api, string accountId, string region, ImmutableArray<string> groups, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<GroupAttribution>(groups.Length);
        AwsApiException? refused = null;
        for (var i = 0; i < groups.Length; i++)
        {
            var groupId = groups[i];
            if (refused is not null)
            {
                // A region that refused one lookup (no permission, not provided, throttled past retries) would refuse
                // the next hundreds too; asking again would only hammer it. That is also why the groups past the cap
                // go unanswered, so they say so rather than blame the cap.
                results.Add(GroupAttribution.NotAssessed(accountId, region, groupId, refused.ErrorCode, refused.ErrorMessage));
            }
            else if (i >= options.MaxLookupsPerRegion)
            {
                results.Add(new GroupAttribution(accountId, region, groupId, AttributionStatus.NotLookedUp));
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
