using System.Globalization;

namespace SgAudit.Core.Model;

/// <summary>Human-readable text for a protocol and its ports, shared by security-group and ACL evidence.</summary>
public static class PermissionText
{
    private static readonly TextCache<(int Protocol, PortRange? Ports, IcmpTypeCode? Icmp)> Texts = new(4096);

    public static string Describe(IpProtocol protocol, PortRange? ports, IcmpTypeCode? icmp) =>
        Texts.GetOrAdd((protocol.Number, ports, icmp), protocol, static (key, protocol) => Format(protocol, key.Ports, key.Icmp));

    private static string Format(IpProtocol protocol, PortRange? ports, IcmpTypeCode? icmp)
    {
        if (protocol.IsAll)
        {
            return "all traffic";
        }

        if (ports is { } range)
        {
            return range.IsAllPorts ? $"{protocol.Name} all ports (0-65535)" : $"{protocol.Name} {range}";
        }

        if (protocol.IsIcmp)
        {
            var typeCode = icmp ?? new IcmpTypeCode(-1, -1);
            return string.Create(CultureInfo.InvariantCulture, $"{protocol.Name} type {typeCode.Type} code {typeCode.Code}");
        }

        return protocol.HasPorts ? $"{protocol.Name} all ports" : $"protocol {protocol.Name}";
    }
}
