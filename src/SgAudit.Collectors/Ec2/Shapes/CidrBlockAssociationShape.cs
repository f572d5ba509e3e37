namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>An entry of a VPC's CidrBlockAssociationSet or Ipv6CidrBlockAssociationSet.</summary>
public sealed class CidrBlockAssociationShape
{
    public string? AssociationId { get; set; }
    public string? CidrBlock { get; set; }
    public string? Ipv6CidrBlock { get; set; }
}
