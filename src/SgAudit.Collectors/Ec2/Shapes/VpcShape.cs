namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 Vpc as DescribeVpcs returns it.</summary>
public sealed class VpcShape
{
    public string? VpcId { get; set; }
    public string? CidrBlock { get; set; }
    public List<CidrBlockAssociationShape>? CidrBlockAssociationSet { get; set; }
    public List<CidrBlockAssociationShape>? Ipv6CidrBlockAssociationSet { get; set; }
    public bool? IsDefault { get; set; }
    public string? OwnerId { get; set; }
    public string? State { get; set; }
    public List<TagShape>? Tags { get; set; }
}
