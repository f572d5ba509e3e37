using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>Reads the <c>addressFamilies</c> choice list (ipv4, ipv6) and tests world sources against it.</summary>
internal readonly record struct AddressFamilies(bool IPv4, bool IPv6)
{
    public static AddressFamilies From(ImmutableArray<string> choices) => new(choices.Contains("ipv4"), choices.Contains("ipv6"));

    /// <summary>Whether <paramref name="source"/> is 0.0.0.0/0 or ::/0 of a family in scope.</summary>
    public bool IsWorldSourceInScope(TrafficSource source) =>
        source is CidrSource { IsWorld: true } cidr && (cidr.IsIPv6 ? IPv6 : IPv4);

    /// <summary>Whether any of the permission's sources is a world source of a family in scope (no source is visited).</summary>
    public bool HasWorldSourceInScope(Permission permission) =>
        (IPv4 && permission.HasWorldIPv4Source) || (IPv6 && permission.HasWorldIPv6Source);
}
