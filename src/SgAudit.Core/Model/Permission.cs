using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>
/// One IpPermission of a security group: a protocol, its ports (tcp/udp only) or ICMP type/code, and every source it names.
/// </summary>
public sealed record Permission(Direction Direction, IpProtocol Protocol, ImmutableArray<TrafficSource> Sources)
{
    private readonly ImmutableArray<TrafficSource> _sources = Sources;

    // Kept beside the sources so that rules looking for world sources, group references or wide CIDRs skip the other
    // 90% of permissions without visiting each source object: at 1,000,000 permissions those visits are cache misses
    // that dominate evaluation.
    private readonly SourceSummary _summary = SourceSummary.Of(Sources);

    /// <summary>Every source (ingress) or destination (egress) this permission names.</summary>
    public ImmutableArray<TrafficSource> Sources
    {
        get => _sources;
        init
        {
            _sources = value;
            _summary = SourceSummary.Of(value);
        }
    }

    /// <summary>Whether a source is 0.0.0.0/0 (in any spelling).</summary>
    public bool HasWorldIPv4Source => _summary.WorldIPv4;

    /// <summary>Whether a source is ::/0 (in any spelling).</summary>
    public bool HasWorldIPv6Source => _summary.WorldIPv6;

    /// <summary>Whether a source is another (or the same) security group.</summary>
    public bool HasGroupReferenceSource => _summary.GroupReference;

    /// <summary>The shortest prefix length of an IPv4 CIDR source other than 0.0.0.0/0; 33 when there is none.</summary>
    public int WidestIPv4SourcePrefix => _summary.WidestIPv4Prefix;

    /// <summary>The shortest prefix length of an IPv6 CIDR source other than ::/0; 129 when there is none.</summary>
    public int WidestIPv6SourcePrefix => _summary.WidestIPv6Prefix;

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

    /// <summary>What kinds of source a permission has, worked out once when it is made.</summary>
    private readonly record struct SourceSummary(bool WorldIPv4, bool WorldIPv6, bool GroupReference, byte WidestIPv4Prefix, byte WidestIPv6Prefix)
    {
        public static SourceSummary Of(ImmutableArray<TrafficSource> sources)
        {
            var summary = new SourceSummary(false, false, false, 33, 129);
            foreach (var source in sources.IsDefault ? [] : sources)
            {
                summary = source switch
                {
                    CidrSource { IsWorld: true } cidr => cidr.IsIPv6 ? summary with { WorldIPv6 = true } : summary with { WorldIPv4 = true },
                    CidrSource cidr when cidr.IsIPv6 => summary with { WidestIPv6Prefix = (byte)Math.Min(summary.WidestIPv6Prefix, cidr.Network.PrefixLength) },
                    CidrSource cidr => summary with { WidestIPv4Prefix = (byte)Math.Min(summary.WidestIPv4Prefix, cidr.Network.PrefixLength) },
                    GroupReferenceSource => summary with { GroupReference = true },
                    _ => summary,
                };
            }

            return summary;
        }
    }
}
