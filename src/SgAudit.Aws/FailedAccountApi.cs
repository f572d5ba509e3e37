using System.Collections.Immutable;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Aws;

/// <summary>
/// The APIs of an account SgAudit could not get into (its role could not be assumed): every call fails with the STS
/// error, so the collector reports the account not assessed with that code, and the scan goes on with the others.
/// </summary>
internal sealed class FailedAccountApi(AwsApiException error) : IEc2Api, ICloudTrailApi
{
    public AwsApiException Error { get; } = error;

    public Task<ImmutableArray<RegionShape>> DescribeRegionsAsync(CancellationToken cancellationToken) => Fail<ImmutableArray<RegionShape>>();

    public Task<Ec2Page<VpcShape>> DescribeVpcsAsync(string region, PageRequest page, CancellationToken cancellationToken) => Fail<Ec2Page<VpcShape>>();

    public Task<Ec2Page<SecurityGroupShape>> DescribeSecurityGroupsAsync(string region, PageRequest page, CancellationToken cancellationToken) => Fail<Ec2Page<SecurityGroupShape>>();

    public Task<Ec2Page<NetworkInterfaceShape>> DescribeNetworkInterfacesAsync(string region, PageRequest page, CancellationToken cancellationToken) => Fail<Ec2Page<NetworkInterfaceShape>>();

    public Task<Ec2Page<NetworkAclShape>> DescribeNetworkAclsAsync(string region, PageRequest page, CancellationToken cancellationToken) => Fail<Ec2Page<NetworkAclShape>>();

    public Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken) => Fail<ImmutableArray<TrailShape>>();

    public Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) => Fail<TrailStatusShape>();

    public Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) => Fail<EventSelectorsShape>();

    public Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken) => Fail<LookupEventsPage>();

    // A fresh exception per call: one shared instance would collect every caller's stack trace.
    private Task<T> Fail<T>() => Task.FromException<T>(new AwsApiException(Error.ErrorCode, Error.ErrorMessage, Error.HttpStatus));
}
