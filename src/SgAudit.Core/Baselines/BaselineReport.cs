using System.Collections.Immutable;

namespace SgAudit.Core.Baselines;

/// <summary>A previous scan's report, read for --baseline or diff: where it came from and its findings.</summary>
/// <param name="File">The path as given on the command line.</param>
/// <param name="Findings">Every finding of the report, in its order.</param>
public sealed record BaselineReport(string File, ImmutableArray<ReportedFinding> Findings)
{
    /// <summary>When the baseline scan started; null when the report does not say.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The SgAudit version that wrote the report.</summary>
    public string? ToolVersion { get; init; }
}
