using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SgAudit.Core.Model;

/// <summary>
/// Whether a CIDR reaches globally routable addresses. IPv4: any address outside the non-global special-purpose
/// blocks (0.0.0.0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0.0/24, 192.168/16, 198.18/15,
/// 224/4, 240/4). IPv6: any address in global unicast, 2000::/3.
/// </summary>
public static class PublicAddressSpace
{
    // Disjoint, as (first, last) addresses.
    private static readonly (uint First, uint Last)[] NonGlobalIPv4 =
    [
        Block(0x00000000, 8),  // 0.0.0.0/8 "this network"
        Block(0x0A000000, 8),  // 10.0.0.0/8 private
        Block(0x64400000, 10), // 100.64.0.0/10 shared address space (CGN)
        Block(0x7F000000, 8),  // 127.0.0.0/8 loopback
        Block(0xA9FE0000, 16), // 169.254.0.0/16 link-local
        Block(0xAC100000, 12), // 172.16.0.0/12 private
        Block(0xC0000000, 24), // 192.0.0.0/24 IETF protocol assignments
        Block(0xC0A80000, 16), // 192.168.0.0/16 private
        Block(0xC6120000, 15), // 198.18.0.0/15 benchmarking
        Block(0xE0000000, 4),  // 224.0.0.0/4 multicast
        Block(0xF0000000, 4),  // 240.0.0.0/4 reserved, broadcast
    ];

    /// <summary>Whether <paramref name="network"/> holds at least one globally routable address.</summary>
    public static bool Overlaps(IPNetwork network) => network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6
        ? OverlapsGlobalUnicastV6(network)
        : OverlapsPublicV4(network);

    private static bool OverlapsPublicV4(IPNetwork network)
    {
        Span<byte> bytes = stackalloc byte[4];
        network.BaseAddress.TryWriteBytes(bytes, out _);
        var first = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var size = 1UL << (32 - network.PrefixLength);
        var last = (uint)(first + size - 1);

        var nonGlobal = 0UL;
        foreach (var (blockFirst, blockLast) in NonGlobalIPv4)
        {
            var from = Math.Max(first, blockFirst);
            var to = Math.Min(last, blockLast);
            if (from <= to)
            {
                nonGlobal += (ulong)to - from + 1;
            }
        }

        return nonGlobal < size;
    }

    // 2000::/3: the first three bits are 001. Two networks overlap when they agree on the shorter prefix.
    private static bool OverlapsGlobalUnicastV6(IPNetwork network)
    {
        Span<byte> bytes = stackalloc byte[16];
        network.BaseAddress.TryWriteBytes(bytes, out _);
        var bits = Math.Min(network.PrefixLength, 3);
        var mask = (byte)(0xFF << (8 - bits));
        return (bytes[0] & mask) == (0x20 & mask);
    }

    private static (uint First, uint Last) Block(uint first, int prefix) => (first, (uint)(first + (1UL << (32 - prefix)) - 1));
}
