using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>
/// One IpPermission of a security group: a protocol, its ports (tcp/udp only) or ICMP type/code, and every source it names.
/// </summary>
public sealed record Permission(Direction Direction, IpProtocol Protocol, ImmutableArray<TrafficSource> Sources)
{
    /// <summary>The port range for tcp and udp; null for every other protocol.</summary>
    public PortRange? Ports { get; init; }

    /// <summary>The ICMP type and code for icmp and icmpv6; null otherwise.</summary>
    public IcmpTypeCode? Icmp { get; init; }

    /// <summary>
    /// Whether this permission lets traffic reach <paramref name="port"/> over one of <paramref name="protocols"/>:
    /// -1 covers every port of every protocol; tcp/udp cover their inclusive range; nothing else carries ports.
    /// </summary>
    public bool CoversPort(int port, ProtocolSet protocols)
    {
        if (Protocol.IsAll)
        {
            return true;
        }

        return Ports is { } range && protocols.Contains(Protocol) && range.Contains(port);
    }

    /// <summary>"tcp 22", "udp 100-200", "all traffic", "icmp type 8 code -1", "protocol 50".</summary>
    public string Describe() => PermissionText.Describe(Protocol, Ports, Icmp);
}
