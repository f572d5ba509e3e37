namespace SgAudit.Reporting.Sarif;

/// <summary>What GitHub code scanning accepts in one SARIF file; smaller values exist for tests.</summary>
public sealed record SarifLimits(int MaxRuns, int MaxResultsPerRun)
{
    /// <summary>20 runs per file, 25,000 results per run (docs: sarif-limits).</summary>
    public static SarifLimits GitHub { get; } = new(20, 25_000);

    /// <summary>GitHub shows at most 10 tags per rule and rejects more than 20.</summary>
    public const int MaxTags = 10;

    /// <summary>Rule short and full descriptions.</summary>
    public const int MaxDescriptionLength = 1024;
}
