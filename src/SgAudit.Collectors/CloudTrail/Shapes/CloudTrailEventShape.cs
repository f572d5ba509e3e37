namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>
/// A management event as LookupEvents returns it. <see cref="ReadOnly"/> is a string ("true"/"false") on the wire;
/// <see cref="CloudTrailEvent"/> is the full event record as a JSON string (it carries sourceIPAddress and the
/// caller's ARN).
/// </summary>
public sealed class CloudTrailEventShape
{
    public string? EventId { get; set; }
    public string? EventName { get; set; }
    public string? ReadOnly { get; set; }
    public string? AccessKeyId { get; set; }
    public DateTimeOffset? EventTime { get; set; }
    public string? EventSource { get; set; }
    public string? Username { get; set; }
    public List<CloudTrailResourceShape>? Resources { get; set; }
    public string? CloudTrailEvent { get; set; }
}
