namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 NetworkAclAssociation.</summary>
public sealed class NetworkAclAssociationShape
{
    public string? NetworkAclAssociationId { get; set; }
    public string? NetworkAclId { get; set; }
    public string? SubnetId { get; set; }
}
