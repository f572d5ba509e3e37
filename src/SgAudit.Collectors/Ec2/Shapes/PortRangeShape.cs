namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 PortRange {From, To} of a network ACL entry.</summary>
public sealed class PortRangeShape
{
    public int? From { get; set; }
    public int? To { get; set; }
}
