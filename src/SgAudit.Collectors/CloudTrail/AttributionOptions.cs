namespace SgAudit.Collectors.CloudTrail;

/// <summary>How change attribution reads CloudTrail.</summary>
public sealed record AttributionOptions
{
    /// <summary>LookupEvents only holds the last 90 days of management events; looking further back finds nothing.</summary>
    public const int CloudTrailRetentionDays = 90;

    /// <summary>How far back to look, in days (1–90).</summary>
    public int LookbackDays { get; init; } = CloudTrailRetentionDays;

    /// <summary>
    /// Groups looked up per account and region; the rest are reported "not looked up". LookupEvents allows 2 calls a
    /// second per account and region, so 500 groups cost at least four minutes there.
    /// </summary>
    public int MaxLookupsPerRegion { get; init; } = 500;

    /// <summary>Account/regions read at once. Within one the lookups are sequential: the rate limit is per account and region.</summary>
    public int MaxConcurrentRegions { get; init; } = 4;

    /// <summary>MaxResults per LookupEvents call (1–50).</summary>
    public int PageSize { get; init; } = LookupEventsRequest.Maximum;
}
