using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>An elastic network interface and the security groups on it.</summary>
public sealed record NetworkInterface(string Id)
{
    public ImmutableArray<string> GroupIds { get; init; } = [];
    public string InterfaceType { get; init; } = "interface";
    public string? Status { get; init; }
    public string? VpcId { get; init; }
    public string? SubnetId { get; init; }
    public string? Description { get; init; }
    public string? RequesterId { get; init; }
    public bool RequesterManaged { get; init; }
    public string? InstanceId { get; init; }
    public string? PrivateIpAddress { get; init; }
    public string? PublicIp { get; init; }
    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
