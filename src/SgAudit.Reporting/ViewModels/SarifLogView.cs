using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>The SARIF log: runs per scope, and what GitHub's limits made the writer leave out.</summary>
public sealed record SarifLogView
{
    public required string Schema { get; init; }
    public required string Version { get; init; }
    public required ImmutableArray<SarifRunView> Runs { get; init; }

    /// <summary>"region" (one run per account/region), "account" or "all": coarser when there are more than 20 scopes.</summary>
    public required string Grouping { get; init; }

    /// <summary>Results written, over all runs.</summary>
    public required int Results { get; init; }

    /// <summary>Findings left out because a run exceeded the per-run result limit.</summary>
    public required int TruncatedResults { get; init; }

    /// <summary>Findings left out because their scope is not uploaded (it could not be assessed completely).</summary>
    public required int OmittedResults { get; init; }
}
