namespace SgAudit.Collectors.CloudTrail;

/// <summary>
/// A LookupEvents call. CloudTrail accepts at most one lookup attribute; SgAudit always looks up by resource name
/// (a security group id) over a time window. MaxResults is 1–50; NextToken must be replayed with the same parameters.
/// </summary>
public sealed record LookupEventsRequest(string ResourceName, DateTimeOffset StartTime, DateTimeOffset EndTime, int MaxResults = LookupEventsRequest.Maximum, string? NextToken = null)
{
    public const int Maximum = 50;
}
