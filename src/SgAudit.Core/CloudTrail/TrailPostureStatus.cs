namespace SgAudit.Core.CloudTrail;

/// <summary>Whether an account has a multi-region trail that is logging management events.</summary>
public enum TrailPostureStatus
{
    /// <summary>Yes: <see cref="TrailPosture.TrailName"/> is such a trail.</summary>
    Logging,

    /// <summary>No: <see cref="TrailPosture.Gap"/> says why.</summary>
    NotLogging,

    /// <summary>The trails could not be read completely (<see cref="TrailPosture.ErrorCode"/>); never read as "no trail".</summary>
    NotAssessed,
}
