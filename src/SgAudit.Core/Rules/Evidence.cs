using System.Globalization;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>
/// What makes a resource fail: the offending permission or ACL entry and source, in words and as a stable key.
/// </summary>
public sealed record Evidence(string Permission, string Source, string Detail, Direction? Direction = null, IpProtocol? Protocol = null, PortRange? Ports = null, int? AclRuleNumber = null)
{
    /// <summary>
    /// Identifies this evidence within its resource across scans (direction, protocol, ports, source, ACL rule
    /// number), never an index, so fingerprints stay stable when other permissions change. Computed once: findings
    /// are sorted and fingerprinted by it.
    /// </summary>
    public string Key { get; } = string.Join(
        '|',
        Direction switch { Model.Direction.Ingress => "in", Model.Direction.Egress => "out", _ => "-" },
        Protocol?.Name ?? "-",
        Ports?.ToString() ?? "-",
        Source,
        AclRuleNumber?.ToString(CultureInfo.InvariantCulture) ?? "-");

    /// <summary>Evidence for one source of a security-group permission.</summary>
    public static Evidence ForPermission(Permission permission, TrafficSource? source, string detail) =>
        new(permission.Describe(), source?.DisplayText ?? "any source", detail, permission.Direction, permission.Protocol, permission.Ports);

    /// <summary>Evidence for a network ACL entry.</summary>
    public static Evidence ForAclEntry(NetworkAclEntry entry, string detail) =>
        new(entry.Describe(), entry.Cidr.ToString(), detail, entry.Direction, entry.Protocol, entry.Ports, entry.RuleNumber);

    /// <summary>Evidence about the resource as a whole (e.g. nothing uses it).</summary>
    public static Evidence ForResource(string detail) => new("-", "-", detail);
}
