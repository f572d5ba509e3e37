using System.Globalization;

namespace SgAudit.Core.Model;

/// <summary>
/// An IP protocol as EC2 stores it: a name (tcp, udp, icmp, icmpv6) or a protocol number, with -1 for all traffic.
/// Names and numbers are normalised so that "tcp" and "6" compare equal.
/// </summary>
public readonly record struct IpProtocol
{
    public const int AllNumber = -1;
    public const int TcpNumber = 6;
    public const int UdpNumber = 17;
    public const int IcmpNumber = 1;
    public const int IcmpV6Number = 58;

    private IpProtocol(int number) => Number = number;

    /// <summary>The protocol number; -1 means all protocols.</summary>
    public int Number { get; }

    public static IpProtocol All { get; } = new(AllNumber);
    public static IpProtocol Tcp { get; } = new(TcpNumber);
    public static IpProtocol Udp { get; } = new(UdpNumber);
    public static IpProtocol Icmp { get; } = new(IcmpNumber);
    public static IpProtocol IcmpV6 { get; } = new(IcmpV6Number);

    public bool IsAll => Number == AllNumber;
    public bool IsTcp => Number == TcpNumber;
    public bool IsUdp => Number == UdpNumber;

    /// <summary>tcp and udp carry port ranges; every other protocol's FromPort/ToPort mean something else or nothing.</summary>
    public bool HasPorts => IsTcp || IsUdp;

    public bool IsIcmp => Number is IcmpNumber or IcmpV6Number;

    /// <summary>The name reports use: tcp, udp, icmp, icmpv6, all, or the number.</summary>
    public string Name => Number switch
    {
        AllNumber => "all",
        TcpNumber => "tcp",
        UdpNumber => "udp",
        IcmpNumber => "icmp",
        IcmpV6Number => "icmpv6",
        _ => Number.ToString(CultureInfo.InvariantCulture),
    };

    public static IpProtocol FromNumber(int number)
    {
        if (number is < -1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "An IP protocol number is -1 or 0–255.");
        }

        return new IpProtocol(number);
    }

    /// <summary>Parses EC2's IpProtocol field: a name, a number 0–255, or -1.</summary>
    public static bool TryParse(string? text, out IpProtocol protocol)
    {
        protocol = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        switch (trimmed)
        {
            case "tcp":
                protocol = Tcp;
                return true;
            case "udp":
                protocol = Udp;
                return true;
            case "icmp":
                protocol = Icmp;
                return true;
            case "icmpv6":
                protocol = IcmpV6;
                return true;
            case "all":
                protocol = All;
                return true;
            default:
                break;
        }

        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number is >= -1 and <= 255)
        {
            protocol = new IpProtocol(number);
            return true;
        }

        return false;
    }

    public override string ToString() => Name;
}
