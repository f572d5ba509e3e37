namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 Ipv6Range: {CidrIpv6, Description}.</summary>
public sealed class Ipv6RangeShape
{
    public string? CidrIpv6 { get; set; }
    public string? Description { get; set; }
}
