using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>The port-carrying protocols a rule looks at (tcp, udp or both). -1 always counts on its own.</summary>
public sealed record ProtocolSet(bool Tcp, bool Udp)
{
    public static ProtocolSet TcpOnly { get; } = new(true, false);
    public static ProtocolSet TcpAndUdp { get; } = new(true, true);

    public bool Contains(IpProtocol protocol) => (Tcp && protocol.IsTcp) || (Udp && protocol.IsUdp);

    public ImmutableArray<IpProtocol> Members => [.. Enumerate()];

    private IEnumerable<IpProtocol> Enumerate()
    {
        if (Tcp)
        {
            yield return IpProtocol.Tcp;
        }

        if (Udp)
        {
            yield return IpProtocol.Udp;
        }
    }
}
