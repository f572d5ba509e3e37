using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// Which resources a suppression covers: every selector given must match (AND), at least one is given. Resource id
/// and name are <see cref="GlobPattern"/>s; VPC, account and region are exact. A tag's selector is its own resource:
/// account, region, kind and exact id.
/// </summary>
public sealed record ResourceSelector
{
    public GlobPattern? ResourceId { get; init; }
    public GlobPattern? ResourceName { get; init; }
    public string? VpcId { get; init; }
    public string? AccountId { get; init; }
    public string? Region { get; init; }

    /// <summary>Only resources of this kind (tag suppressions: a group's tag never covers a network ACL).</summary>
    public ResourceKind? Kind { get; init; }

    public bool IsEmpty => ResourceId is null && ResourceName is null && VpcId is null && AccountId is null && Region is null;

    /// <summary>The selector for exactly one resource, as a tag on it selects.</summary>
    /// <param name="accountId">The resource's account.</param>
    /// <param name="region">The resource's region.</param>
    /// <param name="kind">Security group or network ACL.</param>
    /// <param name="resourceId">The resource's id, matched literally.</param>
    public static ResourceSelector ForResource(string accountId, string region, ResourceKind kind, string resourceId) => new()
    {
        AccountId = accountId,
        Region = region,
        Kind = kind,
        ResourceId = GlobPattern.Exact(resourceId),
    };

    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return (Kind is null || Kind == finding.ResourceKind)
            && (AccountId is null || string.Equals(AccountId, finding.AccountId, StringComparison.Ordinal))
            && (Region is null || string.Equals(Region, finding.Region, StringComparison.Ordinal))
            && (VpcId is null || string.Equals(VpcId, finding.VpcId, StringComparison.Ordinal))
            && (ResourceId is null || ResourceId.IsMatch(finding.ResourceId))
            && (ResourceName is null || ResourceName.IsMatch(finding.ResourceName));
    }

    /// <summary>The selectors in words, e.g. "resourceId sg-0abc*, region eu-west-1", for reports.</summary>
    public string Describe()
    {
        var parts = new List<string>(5);
        if (AccountId is not null)
        {
            parts.Add($"accountId {AccountId}");
        }

        if (Region is not null)
        {
            parts.Add($"region {Region}");
        }

        if (VpcId is not null)
        {
            parts.Add($"vpcId {VpcId}");
        }

        if (ResourceId is not null)
        {
            parts.Add($"resourceId {ResourceId.Text}");
        }

        if (ResourceName is not null)
        {
            parts.Add($"resourceName {ResourceName.Text}");
        }

        return string.Join(", ", parts);
    }
}
