namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 NetworkAclEntry.</summary>
public sealed class NetworkAclEntryShape
{
    public int? RuleNumber { get; set; }
    public string? Protocol { get; set; }
    public string? RuleAction { get; set; }
    public bool? Egress { get; set; }
    public string? CidrBlock { get; set; }
    public string? Ipv6CidrBlock { get; set; }
    public PortRangeShape? PortRange { get; set; }
    public IcmpTypeCodeShape? IcmpTypeCode { get; set; }
}
