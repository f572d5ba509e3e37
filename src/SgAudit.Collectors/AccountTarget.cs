using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Ec2;

namespace SgAudit.Collectors;

/// <summary>An account to collect from and the APIs that read it.</summary>
public sealed record AccountTarget(string AccountId, IEc2Api Api)
{
    public string? DisplayName { get; init; }

    /// <summary>CloudTrail for this account (trail posture and change attribution); null when the source has none.</summary>
    public ICloudTrailApi? CloudTrail { get; init; }
}
