using System.Collections.Immutable;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Ec2;

/// <summary>
/// The EC2 read calls SgAudit makes, in AWS's request and response shapes, for one account. The embedded
/// emulator and the live client implement it, so the collector runs the same path against both.
/// </summary>
public interface IEc2Api
{
    Task<ImmutableArray<RegionShape>> DescribeRegionsAsync(CancellationToken cancellationToken);

    Task<Ec2Page<VpcShape>> DescribeVpcsAsync(string region, PageRequest page, CancellationToken cancellationToken);

    Task<Ec2Page<SecurityGroupShape>> DescribeSecurityGroupsAsync(string region, PageRequest page, CancellationToken cancellationToken);

    Task<Ec2Page<NetworkInterfaceShape>> DescribeNetworkInterfacesAsync(string region, PageRequest page, CancellationToken cancellationToken);

    Task<Ec2Page<NetworkAclShape>> DescribeNetworkAclsAsync(string region, PageRequest page, CancellationToken cancellationToken);
}
