using System.Collections.Immutable;

namespace SgAudit.Cli.Sources;

/// <summary>Where `scan` and `collect` read from: the embedded emulator seeded with a model, or live AWS.</summary>
public sealed record SourceOptions
{
    public const string Emulator = "emulator";
    public const string Aws = "aws";

    /// <summary><see cref="Emulator"/> (the demo account or --model) or <see cref="Aws"/>.</summary>
    public string Source { get; init; } = Emulator;

    public string? Model { get; init; }

    /// <summary>Regions to read; empty means every region enabled for the account.</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    public string? Profile { get; init; }
    public Uri? EndpointUrl { get; init; }
    public ImmutableArray<string> RoleArns { get; init; } = [];
    public string? AccountsFile { get; init; }
    public string? RoleName { get; init; }
    public string? ExternalId { get; init; }

    /// <summary>Live sources: how long one attempt of one API call may take before it is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many regions (across accounts) are read at once.</summary>
    public int Concurrency { get; init; } = 4;

    public bool IsLive => Source == Aws;
}
