using System.Globalization;

namespace SgAudit.Core.Model;

/// <summary>An inclusive tcp/udp port range, 0–65535, with <see cref="From"/> no greater than <see cref="To"/>.</summary>
public readonly record struct PortRange
{
    public const int MaxPort = 65535;

    public PortRange(int from, int to)
    {
        if (from is < 0 or > MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "A port is 0–65535.");
        }

        if (to is < 0 or > MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "A port is 0–65535.");
        }

        if (from > to)
        {
            throw new ArgumentException($"FromPort {from} is above ToPort {to}.", nameof(from));
        }

        From = from;
        To = to;
    }

    public int From { get; }
    public int To { get; }

    public static PortRange Everything { get; } = new(0, MaxPort);

    /// <summary>ToPort − FromPort: the measure the wide-range rule compares with its threshold.</summary>
    public int Span => To - From;

    /// <summary>Exactly 0–65535; 1–65535 is not "all".</summary>
    public bool IsAllPorts => From == 0 && To == MaxPort;

    public bool Contains(int port) => From <= port && port <= To;

    private static readonly TextCache<int> Texts = new(4096);

    public override string ToString() => Texts.GetOrAdd((From << 16) | To, this, static (_, range) => range.From == range.To
        ? range.From.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{range.From}-{range.To}"));
}
