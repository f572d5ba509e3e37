using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>A compliance framework at one version with the status of each of its controls.</summary>
public sealed record FrameworkView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }

    /// <summary>"CIS AWS Foundations v3.0.0".</summary>
    public required string ShortName { get; init; }

    public string? Source { get; init; }
    public required int Passed { get; init; }
    public required int Failed { get; init; }
    public required int NotAssessed { get; init; }
    public required ImmutableArray<ControlView> Controls { get; init; }
}
