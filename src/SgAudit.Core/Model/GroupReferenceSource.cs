namespace SgAudit.Core.Model;

/// <summary>A reference to another (or the same) security group, possibly in another account or a peered VPC.</summary>
public sealed record GroupReferenceSource(string GroupId) : TrafficSource
{
    public string? UserId { get; init; }
    public string? GroupName { get; init; }
    public string? VpcId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? PeeringStatus { get; init; }

    public override string DisplayText => UserId is null ? GroupId : $"{UserId}/{GroupId}";
}
