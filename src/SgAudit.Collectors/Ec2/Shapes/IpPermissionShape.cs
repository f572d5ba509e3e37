namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 IpPermission as DescribeSecurityGroups returns it.</summary>
public sealed class IpPermissionShape
{
    public string? IpProtocol { get; set; }
    public int? FromPort { get; set; }
    public int? ToPort { get; set; }
    public List<IpRangeShape>? IpRanges { get; set; }
    public List<Ipv6RangeShape>? Ipv6Ranges { get; set; }
    public List<PrefixListIdShape>? PrefixListIds { get; set; }
    public List<UserIdGroupPairShape>? UserIdGroupPairs { get; set; }
}
