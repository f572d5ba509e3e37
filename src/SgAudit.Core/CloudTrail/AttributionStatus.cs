namespace SgAudit.Core.CloudTrail;

/// <summary>What change attribution learnt about one failing security group.</summary>
public enum AttributionStatus
{
    /// <summary>A change event was found in the window (<see cref="GroupAttribution.Change"/>).</summary>
    Found,

    /// <summary>CloudTrail was read completely for the window and holds no change to the group.</summary>
    NoChangeInWindow,

    /// <summary>The per-region lookup cap was reached before this group; CloudTrail was not asked.</summary>
    NotLookedUp,

    /// <summary>CloudTrail could not be read (<see cref="GroupAttribution.ErrorCode"/>); says nothing about changes.</summary>
    NotAssessed,
}
