using SgAudit.Core.Engine;

namespace SgAudit.Reporting;

/// <summary>Renders one report format from a scan result. Implementations hold no state between calls beyond their compiled templates.</summary>
public interface IReportWriter
{
    /// <summary>The format name used on the command line: "html", "sarif", "json", "md" or "junit".</summary>
    string Format { get; }

    /// <summary>The file the report is written to inside the output directory, e.g. "report.html".</summary>
    string FileName { get; }

    Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken);
}
