namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 NetworkInterfaceAttachment (the parts SgAudit reads).</summary>
public sealed class NetworkInterfaceAttachmentShape
{
    public string? AttachmentId { get; set; }
    public string? InstanceId { get; set; }
    public string? InstanceOwnerId { get; set; }
    public int? DeviceIndex { get; set; }
    public string? Status { get; set; }
}
