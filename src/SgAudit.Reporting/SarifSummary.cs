using System.Collections.Immutable;

namespace SgAudit.Reporting;

/// <summary>What a SARIF file holds and what GitHub's limits made the writer leave out; the CLI reports the losses.</summary>
public sealed record SarifSummary
{
    /// <summary>"region", "account" or "all": how findings were grouped into runs.</summary>
    public required string Grouping { get; init; }

    /// <summary>The automationDetails.id of each run, in file order.</summary>
    public required ImmutableArray<string> Categories { get; init; }

    public required int Results { get; init; }

    /// <summary>Findings left out because a run was over GitHub's per-run result limit (the least severe go first).</summary>
    public required int TruncatedResults { get; init; }

    /// <summary>Findings left out because their account or region could not be assessed completely, so it gets no run.</summary>
    public required int OmittedResults { get; init; }
}
