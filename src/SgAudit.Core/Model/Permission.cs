using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>
/// One IpPermission of a security group: a protocol, its ports (tcp/udp only) or ICMP type/code, and every source it names.
/// </summary>
public sealed record Permission(Direction Direction, IpProtocol Protocol, ImmutableArray<TrafficSource> Sources)
{
    private readonly ImmutableArray<TrafficSource> _sources = Sources;

    // Kept beside the sources so that rules looking for world sources skip the other 90% of permissions without
    // visiting each source object: at 1,000,000 permissions those visits are cache misses that dominate evaluation.
    private readonly (bool IPv4, bool IPv6) _worldSources = WorldFamilies(Sources);

    /// <summary>Every source (ingress) or destination (egress) this permission names.</summary>
    public ImmutableArray<TrafficSource> Sources
    {
        get => _sources;
        init
        {
            _sources = value;
            _worldSources = WorldFamilies(value);
        }
    }

    /// <summary>Whether a source is 0.0.0.0/0 (in any spelling).</summary>
    public bool HasWorldIPv4Source => _worldSources.IPv4;

    /// <summary>Whether a source is ::/0 (in any spelling).</summary>
    public bool HasWorldIPv6Source => _worldSources.IPv6;

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

    private static (bool IPv4, bool IPv6) WorldFamilies(ImmutableArray<TrafficSource> sources)
    {
        var (ipv4, ipv6) = (false, false);
        foreach (var source in sources.IsDefault ? [] : sources)
        {
            if (source is CidrSource { IsWorld: true } cidr)
            {
                ipv4 |= !cidr.IsIPv6;
                ipv6 |= cidr.IsIPv6;
            }
        }

        return (ipv4, ipv6);
    }
}
