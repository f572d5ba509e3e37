using System.Net;
using System.Net.Sockets;

namespace SgAudit.Core.Model;

/// <summary>An IPv4 or IPv6 CIDR source.</summary>
public sealed record CidrSource(IPNetwork Network) : TrafficSource
{
    private readonly IPNetwork _network = Network;

    // Stored, not derived on each call: rules ask about every source, and deriving means a visit to the network's
    // address object.
    private readonly (bool IsIPv6, bool IsWorld) _kind = Classify(Network);

    public IPNetwork Network
    {
        get => _network;
        init
        {
            _network = value;
            _kind = Classify(value);
        }
    }

    public bool IsIPv6 => _kind.IsIPv6;

    /// <summary><c>0.0.0.0/0</c> or <c>::/0</c> (in any spelling): the whole internet of that family.</summary>
    public bool IsWorld => _kind.IsWorld;

    // World sources are most of the evidence a scan reports: give them their fixed text instead of formatting each time.
    public override string DisplayText => IsWorld ? (IsIPv6 ? "::/0" : "0.0.0.0/0") : Network.ToString();

    private static (bool IsIPv6, bool IsWorld) Classify(IPNetwork network) =>
        (network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6, network.PrefixLength == 0);
}
