using System.Net;
using System.Net.Sockets;

namespace SgAudit.Core.Model;

/// <summary>An IPv4 or IPv6 CIDR source.</summary>
public sealed record CidrSource(IPNetwork Network) : TrafficSource
{
    public bool IsIPv6 => Network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary><c>0.0.0.0/0</c> or <c>::/0</c> (in any spelling): the whole internet of that family.</summary>
    public bool IsWorld => Network.PrefixLength == 0;

    // World sources are most of the evidence a scan reports: give them their fixed text instead of formatting each time.
    public override string DisplayText => IsWorld ? (IsIPv6 ? "::/0" : "0.0.0.0/0") : Network.ToString();
}
