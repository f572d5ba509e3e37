namespace SgAudit.Core.CloudTrail;

/// <summary>The change attribution of one failing security group.</summary>
public sealed record GroupAttribution(string AccountId, string Region, string GroupId, AttributionStatus Status)
{
    /// <summary>Set when <see cref="Status"/> is <see cref="AttributionStatus.Found"/>.</summary>
    public GroupChange? Change { get; init; }

    /// <summary>The CloudTrail error code when <see cref="Status"/> is <see cref="AttributionStatus.NotAssessed"/>.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public static GroupAttribution Found(GroupChange change) =>
        new(change.AccountId, change.Region, change.GroupId, AttributionStatus.Found) { Change = change };

    public static GroupAttribution NotAssessed(string accountId, string region, string groupId, string errorCode, string errorMessage) =>
        new(accountId, region, groupId, AttributionStatus.NotAssessed) { ErrorCode = errorCode, ErrorMessage = errorMessage };
}
