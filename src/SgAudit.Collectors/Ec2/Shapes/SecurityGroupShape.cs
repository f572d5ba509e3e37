namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 SecurityGroup as DescribeSecurityGroups (and `aws ec2 describe-security-groups`) returns it.</summary>
public sealed class SecurityGroupShape
{
    public string? GroupId { get; set; }
    public string? GroupName { get; set; }
    public string? Description { get; set; }
    public string? VpcId { get; set; }
    public string? OwnerId { get; set; }
    public string? SecurityGroupArn { get; set; }
    public List<TagShape>? Tags { get; set; }
    public List<IpPermissionShape>? IpPermissions { get; set; }
    public List<IpPermissionShape>? IpPermissionsEgress { get; set; }
}
