namespace SgAudit.Core.CloudTrail;

/// <summary>Why an account has no multi-region trail logging management events, from the trail closest to one.</summary>
public enum TrailGap
{
    /// <summary>No trail at all in the scanned regions.</summary>
    NoTrail,

    /// <summary>Only single-region trails.</summary>
    NotMultiRegion,

    /// <summary>A multi-region trail exists but is not logging (stopped).</summary>
    NotLogging,

    /// <summary>A multi-region trail logs, but its event selectors leave management (write) events out.</summary>
    ManagementEventsExcluded,
}
