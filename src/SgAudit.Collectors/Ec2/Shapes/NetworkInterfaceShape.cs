namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 NetworkInterface as DescribeNetworkInterfaces returns it (the CLI names its tags TagSet).</summary>
public sealed class NetworkInterfaceShape
{
    public string? NetworkInterfaceId { get; set; }
    public List<GroupIdentifierShape>? Groups { get; set; }
    public string? InterfaceType { get; set; }
    public string? Status { get; set; }
    public string? VpcId { get; set; }
    public string? SubnetId { get; set; }
    public string? AvailabilityZone { get; set; }
    public string? Description { get; set; }
    public string? OwnerId { get; set; }
    public string? RequesterId { get; set; }
    public bool? RequesterManaged { get; set; }
    public string? PrivateIpAddress { get; set; }
    public NetworkInterfaceAttachmentShape? Attachment { get; set; }
    public NetworkInterfaceAssociationShape? Association { get; set; }
    public List<TagShape>? TagSet { get; set; }
}
