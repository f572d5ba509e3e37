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

    public Task<Ec2Page<VpcShape>> DescribeVpcsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        RecordAsync(region, page, r => r.Vpcs, () => inner.DescribeVpcsAsync(region, page, cancellationToken));

    public Task<Ec2Page<SecurityGroupShape>> DescribeSecurityGroupsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        RecordAsync(region, page, r => r.SecurityGroups, () => inner.DescribeSecurityGroupsAsync(region, page, cancellationToken));

    public Task<Ec2Page<NetworkInterfaceShape>> DescribeNetworkInterfacesAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        RecordAsync(region, page, r => r.NetworkInterfaces, () => inner.DescribeNetworkInterfacesAsync(region, page, cancellationToken));

    public Task<Ec2Page<NetworkAclShape>> DescribeNetworkAclsAsync(string region, PageRequest page, CancellationToken cancellationToken) =>
        RecordAsync(region, page, r => r.NetworkAcls, () => inner.DescribeNetworkAclsAsync(region, page, cancellationToken));

    private async Task<Ec2Page<T>> RecordAsync<T>(string region, PageRequest page, Func<RecordedRegion, RecordedList<T>> list, Func<Task<Ec2Page<T>>> call)
    {
        var recorded = _regions.GetOrAdd(region, static _ => new RecordedRegion());
        var result = await call();
        list(recorded).AddPage(page, result.Items);
        return result;
    }
}
