using SgAudit.Cli.Sources;

namespace SgAudit.Cli.Commands;

/// <summary>The parsed options of `sgaudit compliance`.</summary>
public sealed record ComplianceCommandOptions
{
    /// <summary>A framework id (cis-aws-foundations-v5.0.0), a comma-separated list of them, or "all".</summary>
    public required string Framework { get; init; }

    /// <summary>table, markdown or json.</summary>
    public string Format { get; init; } = DiffCommand.Table;

    /// <summary>A report.json to read the controls from instead of scanning; null to scan.</summary>
    public string? Report { get; init; }

    /// <summary>The source to scan when <see cref="Report"/> is null.</summary>
    public SourceOptions Source { get; init; } = new();

    public string? Config { get; init; }
}
