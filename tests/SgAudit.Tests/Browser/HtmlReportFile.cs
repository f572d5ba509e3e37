using SgAudit.Core.Engine;
using SgAudit.Reporting;

namespace SgAudit.Tests.Browser;

/// <summary>Writes a scan's report.html with the embedded templates, for a browser to open.</summary>
internal static class HtmlReportFile
{
    /// <summary>Writes <c>report.html</c> into <paramref name="directory"/> and returns its path.</summary>
    /// <param name="result">The scan to render.</param>
    /// <param name="directory">Where to write it.</param>
    public static async Task<string> WriteAsync(ScanResult result, string directory)
    {
        var path = Path.Combine(directory, "report.html");
        await using var file = File.Create(path);
        await new HtmlReportWriter(TemplateSet.Embedded).WriteAsync(result, file, CancellationToken.None);
        return path;
    }
}
