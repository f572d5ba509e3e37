namespace SgAudit.Collectors.Ec2.Shapes;

/// <summary>EC2 GroupIdentifier: {GroupId, GroupName}, as network interfaces list their groups.</summary>
public sealed class GroupIdentifierShape
{
    public string? GroupId { get; set; }
    public string? GroupName { get; set; }
}
