using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SgAudit.Core.Model;

/// <summary>
/// Parses CIDR text of an expected family. Host bits beyond the prefix are cleared rather than rejected, so a
/// sloppy "1.2.3.4/0" is still recognised as the whole internet (failing closed).
/// </summary>
public static class CidrParser
{
    private static readonly IPNetwork WorldV4 = IPNetwork.Parse("0.0.0.0/0");
    private static readonly IPNetwork WorldV6 = IPNetwork.Parse("::/0");

    public static bool TryParse(string? text, AddressFamily family, out IPNetwork network, out string error)
    {
        network = default;
        error = "";

        // Fast paths: the world CIDRs are the most common sources, and canonical text needs no masking.
        if (family == AddressFamily.InterNetwork && text == "0.0.0.0/0")
        {
            network = WorldV4;
            return true;
        }

        if (family == AddressFamily.InterNetworkV6 && text == "::/0")
        {
            network = WorldV6;
            return true;
        }

        if (text is not null && IPNetwork.TryParse(text, out network) && network.BaseAddress.AddressFamily == family)
        {
            return true;
        }

        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash <= 0)
        {
            error = $"'{text}' is not a CIDR (address/prefix)";
            return false;
        }

        var maxPrefix = family == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (!IPAddress.TryParse(text.AsSpan(0, slash), out var address) || address.AddressFamily != family
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > maxPrefix)
        {
            error = $"'{text}' is not an {(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} CIDR";
            return false;
        }

        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }
}
