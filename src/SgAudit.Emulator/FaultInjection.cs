using System.Collections.Immutable;

namespace SgAudit.Emulator;

/// <summary>
/// Failures the served emulator adds on purpose, to rehearse a client's retries and partial results. Throttling is
/// deterministic: the n-th EC2 or CloudTrail request is throttled when the n-th draw of <c>new Random(Seed)</c> is
/// below <see cref="ThrottleRate"/>.
/// </summary>
public sealed record FaultInjection
{
    public static FaultInjection None { get; } = new();

    /// <summary>The share of EC2 and CloudTrail requests answered with a throttling error, 0 to 1.</summary>
    public double ThrottleRate { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Added before every answer (STS included).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Region name → error code every EC2 and CloudTrail call in that region answers (e.g. us-west-2 → UnauthorizedOperation).</summary>
    public ImmutableDictionary<string, string> RegionErrors { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Reads <c>REGION=CODE</c> values (the CLI's <c>--fail-region</c>), e.g. <c>eu-west-1=UnauthorizedOperation</c>.</summary>
    public static ImmutableDictionary<string, string> ParseRegionErrors(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == value.Length - 1)
            {
                throw new FormatException($"'{value}' is not REGION=CODE (e.g. eu-west-1=UnauthorizedOperation).");
            }

            errors[value[..separator].Trim()] = value[(separator + 1)..].Trim();
        }

        return errors.ToImmutable();
    }

    /// <summary>Throws when a value is out of range, so a bad CLI flag fails before the server starts.</summary>
    public void Validate()
    {
        if (double.IsNaN(ThrottleRate) || ThrottleRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ThrottleRate), ThrottleRate, "The throttle rate must be between 0 and 1.");
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "The latency must not be negative.");
        }

        foreach (var (region, code) in RegionErrors)
        {
            if (string.IsNullOrWhiteSpace(region) || string.IsNullOrWhiteSpace(code))
            {
                throw new ArgumentException("A failing region needs a region name and an error code (REGION=CODE).", nameof(RegionErrors));
            }
        }
    }
}
