using SgAudit.Tests.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Browser;

/// <summary>The HTML report with JavaScript turned off in the browser: every finding and card is shown, and no control that would do nothing.</summary>
public sealed class NoScriptReportBrowserTests
{
    [Fact]
    public async Task Should_ShowEveryFindingAndNoFilters_When_JavaScriptIsOff()
    {
        // Given a report with more findings than one page of the script's pager and one table body (7 per group)
        var result = ReportTestData.CreateLarge(160);
        using var directory = new ScratchDirectory();
        var path = await HtmlReportFile.WriteAsync(result, directory.Path);

        // When it is opened in a browser that runs no script
        using var browser = new HeadlessChromium(javaScript: false);
        browser.OpenReport(path);

        // Then every finding row and every card is shown, and the filters, status lines and pagers are not
        Assert.Equal(1_120, result.Findings.Length);
        Assert.Null(browser.RunRaw("return document.documentElement.getAttribute('data-report-ready');"));
        Assert.Equal(1_120, browser.Run<int>("return Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => r.getClientRects().length > 0).length;"));
        Assert.Equal(160, browser.Run<int>("return Array.from(document.querySelectorAll('#groups > details.grp')).filter(c => c.getClientRects().length > 0).length;"));
        Assert.Equal(0, browser.Run<int>("return Array.from(document.querySelectorAll('#filters, .pager, .status')).filter(e => e.getClientRects().length > 0).length;"));
    }
}
