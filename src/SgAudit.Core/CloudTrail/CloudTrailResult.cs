using System.Collections.Immutable;

namespace SgAudit.Core.CloudTrail;

/// <summary>
/// What a scan learnt from CloudTrail: each account's trail posture and who last changed each failing security
/// group. Empty when the source has no CloudTrail. Informational: neither part changes the exit code.
/// </summary>
public sealed record CloudTrailResult
{
    public static readonly CloudTrailResult Empty = new();

    /// <summary>One per account, in account order.</summary>
    public ImmutableArray<TrailPosture> Postures { get; init; } = [];

    /// <summary>One per distinct failing security group, ordered by account, region and group id.</summary>
    public ImmutableArray<GroupAttribution> Attributions { get; init; } = [];

    /// <summary>False when attribution was turned off (--no-attribution) or the source has no CloudTrail.</summary>
    public bool AttributionRan { get; init; }

    /// <summary>How far back attribution looked, in days (CloudTrail keeps 90).</summary>
    public int LookbackDays { get; init; }
}
