namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 Region as DescribeRegions returns it.</summary>
public sealed class RegionShape
{
    public string? RegionName { get; set; }
    public string? Endpoint { get; set; }
    public string? OptInStatus { get; set; }
}
