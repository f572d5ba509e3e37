namespace SgAudit.Reporting.ViewModels;

/// <summary>When and over what the scan ran, and its verdict against the fail-on threshold.</summary>
public sealed record ScanView
{
    /// <summary>ISO 8601 UTC, e.g. "2026-01-02T03:04:05Z".</summary>
    public required string StartedAt { get; init; }

    public required string FinishedAt { get; init; }

    /// <summary>"12.5 s".</summary>
    public required string Duration { get; init; }

    /// <summary>demo, model-file, aws-cli-exports or aws.</summary>
    public required string SourceKind { get; init; }

    public required string Source { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary>Requests made to a live source per operation, ordered by operation; null for a model.</summary>
    public IReadOnlyList<KeyValuePair<string, long>>? ApiCalls { get; init; }

    /// <summary>The gate severity ("high"), or null when findings never fail the scan.</summary>
    public string? FailOn { get; init; }

    /// <summary>Findings at or above <see cref="FailOn"/>.</summary>
    public required int GateFindings { get; init; }

    /// <summary>True when <see cref="GateFindings"/> is above zero.</summary>
    public required bool Failed { get; init; }

    /// <summary>
    /// True when nothing fails the gate but part of the scope could not be assessed: such a scan is never called a
    /// pass (missing data is never a pass).
    /// </summary>
    public required bool Incomplete { get; init; }

    /// <summary>"fail", "incomplete" or "pass".</summary>
    public required string Verdict { get; init; }

    /// <summary>True when some account, region or rule could not be assessed.</summary>
    public required bool Partial { get; init; }
}
