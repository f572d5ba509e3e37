namespace SgAudit.Core.CloudTrail;

/// <summary>
/// The most recent CloudTrail event that changed a security group: who (a user or role ARN, else the event's user
/// name), when, how (the API call) and from where. All of it is account data: render it escaped.
/// </summary>
public sealed record GroupChange(string AccountId, string Region, string GroupId, string EventName, DateTimeOffset EventTime, string Actor, string EventId)
{
    /// <summary>The caller's address from the event record (an IP address or a service name such as "cloudformation.amazonaws.com").</summary>
    public string? SourceIp { get; init; }
}
