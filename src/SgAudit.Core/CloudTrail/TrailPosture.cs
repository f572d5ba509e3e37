using System.Collections.Immutable;

namespace SgAudit.Core.CloudTrail;

/// <summary>
/// One account's CloudTrail posture: is a multi-region trail logging management events (the one that records
/// security-group changes in every region)? Informational: it never changes the exit code.
/// </summary>
public sealed record TrailPosture(string AccountId, TrailPostureStatus Status)
{
    /// <summary>The compliant trail (<see cref="TrailPostureStatus.Logging"/>), or the trail the gap is about (null for <see cref="TrailGap.NoTrail"/>).</summary>
    public string? TrailName { get; init; }

    public string? TrailArn { get; init; }

    /// <summary>The trail's home region, where its status and selectors were read.</summary>
    public string? HomeRegion { get; init; }

    /// <summary>Set when <see cref="Status"/> is <see cref="TrailPostureStatus.NotLogging"/>.</summary>
    public TrailGap? Gap { get; init; }

    /// <summary>Set when <see cref="Status"/> is <see cref="TrailPostureStatus.NotAssessed"/>.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The regions whose trails were listed.</summary>
    public ImmutableArray<string> Regions { get; init; } = [];
}
