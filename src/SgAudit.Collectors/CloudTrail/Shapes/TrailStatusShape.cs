namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>GetTrailStatus's answer, the fields SgAudit reads. Times are ISO 8601 in model files, epoch seconds on the wire.</summary>
public sealed class TrailStatusShape
{
    public bool? IsLogging { get; set; }
    public DateTimeOffset? StartLoggingTime { get; set; }
    public DateTimeOffset? StopLoggingTime { get; set; }
    public DateTimeOffset? LatestDeliveryTime { get; set; }
    public string? LatestDeliveryError { get; set; }
}
