namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>A trail as DescribeTrails returns it (`trailList[]`), the fields SgAudit reads.</summary>
public class TrailShape
{
    public string? Name { get; set; }
    public string? TrailARN { get; set; }
    public string? HomeRegion { get; set; }
    public bool? IsMultiRegionTrail { get; set; }
    public bool? IsOrganizationTrail { get; set; }
    public bool? IncludeGlobalServiceEvents { get; set; }
    public bool? HasCustomEventSelectors { get; set; }
    public bool? LogFileValidationEnabled { get; set; }
    public string? S3BucketName { get; set; }
}
