namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 NetworkAcl as DescribeNetworkAcls returns it.</summary>
public sealed class NetworkAclShape
{
    public string? NetworkAclId { get; set; }
    public string? VpcId { get; set; }
    public bool? IsDefault { get; set; }
    public string? OwnerId { get; set; }
    public List<NetworkAclEntryShape>? Entries { get; set; }
    public List<NetworkAclAssociationShape>? Associations { get; set; }
    public List<TagShape>? Tags { get; set; }
}
