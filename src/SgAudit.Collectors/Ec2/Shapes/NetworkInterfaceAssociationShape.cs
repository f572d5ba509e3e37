namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 NetworkInterfaceAssociation: the public address, if any.</summary>
public sealed class NetworkInterfaceAssociationShape
{
    public string? PublicIp { get; set; }
    public string? IpOwnerId { get; set; }
}
