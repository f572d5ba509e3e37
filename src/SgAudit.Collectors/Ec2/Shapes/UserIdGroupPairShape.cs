namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 UserIdGroupPair: a reference to a security group, possibly in another account or a peered VPC.</summary>
public sealed class UserIdGroupPairShape
{
    public string? GroupId { get; set; }
    public string? GroupName { get; set; }
    public string? UserId { get; set; }
    public string? VpcId { get; set; }
    public string? VpcPeeringConnectionId { get; set; }
    public string? PeeringStatus { get; set; }
    public string? Description { get; set; }
}
