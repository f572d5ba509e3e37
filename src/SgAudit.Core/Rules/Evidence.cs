using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// What makes a resource fail: the offending permission or ACL entry and source, in words and as a stable key.
/// </summary>
public sealed record Evidence(string Permission, string Source, string Detail)
{
    public Direction? Direction { get; init; }
    public IpProtocol? Protocol { get; init; }
    public PortRange? Ports { get; init; }

    /// <summary>The network ACL entry's rule number, for ACL evidence.</summary>
    public int? AclRuleNumber { get; init; }

    /// <summary>
    /// Identifies this evidence within its resource across scans (direction, protocol, ports, source),
    /// never an index, so fingerprints stay stable when other permissions change.
    /// </summary>
    public string Key => string.Join('|', Direction?.ToString() ?? "-", Protocol?.Name ?? "-", Ports?.ToString() ?? "-", Source, AclRuleNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");

    /// <summary>Evidence for one source of a security-group permission.</summary>
    public static Evidence ForPermission(Permission permission, TrafficSource? source, string detail) =>
        new(permission.Describe(), source?.DisplayText ?? "any source", detail)
        {
            Direction = permission.Direction,
            Protocol = permission.Protocol,
            Ports = permission.Ports,
        };

    /// <summary>Evidence for a network ACL entry.</summary>
    public static Evidence ForAclEntry(NetworkAclEntry entry, string detail) =>
        new(entry.Describe(), entry.Cidr.ToString(), detail)
        {
            Direction = entry.Direction,
            Protocol = entry.Protocol,
            Ports = entry.Ports,
            AclRuleNumber = entry.RuleNumber,
        };

    /// <summary>Evidence about the resource as a whole (e.g. nothing uses it).</summary>
    public static Evidence ForResource(string detail) => new("-", "-", detail);
}
