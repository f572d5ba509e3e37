using System.Collections.Concurrent;
using System.Collections.Immutable;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Snapshots;

/// <summary>
/// Passes every call through to the real API and keeps the shapes it returned, so that `sgaudit collect` writes
/// exactly what the scan saw. A list the source does not provide is never recorded, so it stays absent (not
/// provided) when the snapshot is replayed.
/// </summary>
public sealed class RecordingEc2Api(IEc2Api inner) : IEc2Api
{
    private readonly ConcurrentDictionary<string, RecordedRegion> _regions = new(StringComparer.Ordinal);

    /// <summary>The regions a Describe* call was made for, whatever the outcome.</summary>
    public IReadOnlyDictionary<string, RecordedRegion> Regions => _regions;

    public Task<ImmutableArray<RegionShape>> DescribeRegionsAsync(CancellationToken cancellationToken) =>
        inner.DescribeRegionsAsync(cancellationToken);

    public async Task<Ec2Page<VpcShape>> DescribeVpcsAsync(string region, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await inner.DescribeVpcsAsync(Track(region), page, cancellationToken);
        _regions[region].Vpcs.AddPage(page, result.Items);
        return result;
    }

    public async Task<Ec2Page<SecurityGroupShape>> DescribeSecurityGroupsAsync(string region, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await inner.DescribeSecurityGroupsAsync(Track(region), page, cancellationToken);
        _regions[region].SecurityGroups.AddPage(page, result.Items);
        return result;
    }

    public async Task<Ec2Page<NetworkInterfaceShape>> DescribeNetworkInterfacesAsync(string region, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await inner.DescribeNetworkInterfacesAsync(Track(region), page, cancellationToken);
        _regions[region].NetworkInterfaces.AddPage(page, result.Items);
        return result;
    }

    public async Task<Ec2Page<NetworkAclShape>> DescribeNetworkAclsAsync(string region, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await inner.DescribeNetworkAclsAsync(Track(region), page, cancellationToken);
        _regions[region].NetworkAcls.AddPage(page, result.Items);
        return result;
    }

    private string Track(string region)
    {
        _regions.GetOrAdd(region, static _ => new RecordedRegion());
        return region;
    }
}
