using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Snapshots;

/// <summary>The shapes one region returned, per Describe* call; a list stays null until a page arrives.</summary>
public sealed class RecordedRegion
{
    internal RecordedList<VpcShape> Vpcs { get; } = new();
    internal RecordedList<SecurityGroupShape> SecurityGroups { get; } = new();
    internal RecordedList<NetworkInterfaceShape> NetworkInterfaces { get; } = new();
    internal RecordedList<NetworkAclShape> NetworkAcls { get; } = new();
}
