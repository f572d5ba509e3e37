namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 IpRange: {CidrIp, Description}.</summary>
public sealed class IpRangeShape
{
    public string? CidrIp { get; set; }
    public string? Description { get; set; }
}
