using System.Collections.Immutable;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>
/// An account's CloudTrail, without its EC2 API: a scan keeps these until attribution has run, after the rules, and
/// holding the <see cref="AccountTarget"/> instead would keep the emulator's whole model alive that long.
/// </summary>
public sealed record CloudTrailTarget(string AccountId, ICloudTrailApi Api)
{
    /// <summary>The accounts that have CloudTrail, in their order.</summary>
    public static ImmutableArray<CloudTrailTarget> From(IEnumerable<AccountTarget> accounts) =>
        [.. accounts.Where(a => a.CloudTrail is not null).Select(a => new CloudTrailTarget(a.AccountId, a.CloudTrail!))];
}
