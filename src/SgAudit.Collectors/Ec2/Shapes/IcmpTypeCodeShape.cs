namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 IcmpTypeCode {Type, Code} of a network ACL entry.</summary>
public sealed class IcmpTypeCodeShape
{
    public int? Type { get; set; }
    public int? Code { get; set; }
}
