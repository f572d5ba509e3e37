using System.Collections.Immutable;
using SgAudit.Cli.Sources;
using SgAudit.Core.Model;
using SgAudit.Reporting;

namespace SgAudit.Cli.Commands;

/// <summary>The parsed options of `sgaudit scan`.</summary>
public sealed record ScanCommandOptions
{
    /// <summary>The reports a scan writes without --format; junit is opt-in (see <see cref="ReportWriterFactory.DefaultFormats"/>).</summary>
    public static readonly ImmutableArray<string> DefaultFormats = ReportWriterFactory.DefaultFormats;

    public SourceOptions Source { get; init; } = new();
    public string? Config { get; init; }
    public ImmutableArray<string> Formats { get; init; } = DefaultFormats;
    public string OutputDirectory { get; init; } = "sgaudit-report";

    /// <summary>The threshold from --fail-on; null when the flag was not given (config, then "high", apply).</summary>
    public string? FailOn { get; init; }

    public string? Templates { get; init; }
    public bool AllowPartial { get; init; }

    /// <summary>--no-attribution: skip looking up who last changed each failing group (trail posture is still read).</summary>
    public bool NoAttribution { get; init; }

    /// <summary>--baseline: a previous report.json; its findings are "unchanged" and do not fail the gate.</summary>
    public string? Baseline { get; init; }

    internal static bool TryParseFailOn(string text, out Severity? severity)
    {
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            severity = null;
            return true;
        }

        return SeverityText.TryParse(text, out severity);
    }
}
