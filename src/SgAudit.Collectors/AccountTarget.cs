using SgAudit.Collectors.Ec2;

namespace SgAudit.Collectors;

/// <summary>An account to collect from and the API that reads it.</summary>
public sealed record AccountTarget(string AccountId, IEc2Api Api)
{
    public string? DisplayName { get; init; }
}
