using System.Net;

namespace SgAudit.Core.Model;

/// <summary>One numbered entry of a network ACL.</summary>
public sealed record NetworkAclEntry(int RuleNumber, Direction Direction, IpProtocol Protocol, RuleAction Action, IPNetwork Cidr)
{
    /// <summary>The port range for tcp/udp entries; null means every port (or a protocol without ports).</summary>
    public PortRange? Ports { get; init; }

    public IcmpTypeCode? Icmp { get; init; }

    public bool IsWorld => Cidr.PrefixLength == 0;

    /// <summary>Whether the entry matches <paramref name="protocol"/> traffic to <paramref name="port"/>.</summary>
    public bool Matches(IpProtocol protocol, int port)
    {
        if (Protocol.IsAll)
        {
            return true;
        }

        if (Protocol != protocol)
        {
            return false;
        }

        return Ports is not { } range || range.Contains(port);
    }

    public string Describe() => PermissionText.Describe(Protocol, Ports, Icmp);
}
