using SgAudit.Reporting;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// Every format rendered from <see cref="ReportTestData"/> matches the committed approved file byte for byte. To
/// approve an intended change, copy Approved/*.received.* over the approved file, or run with SGAUDIT_APPROVE=1.
/// </summary>
public sealed class GoldenFileTests
{
    [Theory]
    [InlineData("html", "report.approved.html")]
    [InlineData("sarif", "report.approved.sarif")]
    [InlineData("json", "report.approved.json")]
    [InlineData("md", "summary.approved.md")]
    public async Task Should_MatchTheApprovedFile_When_RenderingTheTestScan(string format, string approvedFile)
    {
        // Given the fixed test scan and the embedded templates
        var writer = new ReportWriterFactory(TemplateSet.Embedded).Create(format);

        // When the report is rendered
        var actual = await ReportRendering.RenderAsync(writer, ReportTestData.Create());

        // Then it is exactly the approved file
        ReportGoldenFile.Verify(actual, approvedFile);
    }

    [Theory]
    [InlineData("html", "suppressions.approved.html")]
    [InlineData("sarif", "suppressions.approved.sarif")]
    [InlineData("json", "suppressions.approved.json")]
    [InlineData("md", "suppressions.approved.md")]
    public async Task Should_MatchTheApprovedFile_When_RenderingTheSuppressionScan(string format, string approvedFile)
    {
        // Given the test scan with a suppression in every status (applied, expired, stale, invalid; config and tags)
        var writer = new ReportWriterFactory(TemplateSet.Embedded).Create(format);

        // When the report is rendered
        var actual = await ReportRendering.RenderAsync(writer, SuppressionScan.Create());

        // Then it is exactly the approved file
        ReportGoldenFile.Verify(actual, approvedFile);
    }
}
