using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>The CloudTrail section of a report: trail posture per account and the attribution of failing groups. Informational.</summary>
public sealed record CloudTrailView
{
    /// <summary>True when the source had CloudTrail for some account (posture was read, possibly "not assessed").</summary>
    public required bool Provided { get; init; }

    /// <summary>True when attribution ran (not turned off with --no-attribution).</summary>
    public required bool AttributionRan { get; init; }

    public required int LookbackDays { get; init; }

    /// <summary>One per account, in account order.</summary>
    public required ImmutableArray<TrailPostureView> Trails { get; init; }

    /// <summary>One per failing security group, by account, region and group id.</summary>
    public required ImmutableArray<AttributionView> Attributions { get; init; }

    /// <summary>
    /// The attribution table: looked-up groups one per row, and per account and region one row for each outcome that
    /// groups share without anything of their own (not looked up, not assessed), in account, region and group order.
    /// </summary>
    public required ImmutableArray<AttributionRowView> AttributionRows { get; init; }

    public required int Found { get; init; }
    public required int NoChange { get; init; }
    public required int NotLookedUp { get; init; }
    public required int NotAssessed { get; init; }
}
