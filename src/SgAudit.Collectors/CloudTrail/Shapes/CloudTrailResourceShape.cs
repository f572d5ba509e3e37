namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>A resource an event touched: {ResourceType: AWS::EC2::SecurityGroup, ResourceName: sg-…}.</summary>
public sealed class CloudTrailResourceShape
{
    public string? ResourceType { get; set; }
    public string? ResourceName { get; set; }
}
