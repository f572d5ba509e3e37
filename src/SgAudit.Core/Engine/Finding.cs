using SgAudit.Core.Baselines;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;

namespace SgAudit.Core.Engine;

/// <summary>One failed check: a rule, a resource and one piece of offending evidence.</summary>
public sealed record Finding(string RuleId, Severity Severity, string AccountId, string Region, ResourceKind ResourceKind, string ResourceId, string ResourceName)
{
    public string? VpcId { get; init; }
    public required string ResourceArn { get; init; }
    public required Evidence Evidence { get; init; }
    public required string Message { get; init; }

    /// <summary>Stable across scans: a hash of rule, account, region, resource and the evidence key; never an index or a time.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The suppression in force that covers this finding (source, reason, expiry); null when none does. A suppressed finding never counts for the gate.</summary>
    public Suppression? Suppression { get; init; }
    /// <summary>New or unchanged against the --baseline report; null when the scan has no baseline.</summary>
    public BaselineState? Baseline { get; init; }
}
