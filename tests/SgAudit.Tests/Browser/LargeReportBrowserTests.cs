using System.Text.RegularExpressions;
using SgAudit.Tests.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Browser;

/// <summary>The findings table when its rows fill several table bodies (1,000 rows each), as at scale.</summary>
public sealed class LargeReportBrowserTests
{
    private const string VisibleRows = "return Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => r.getClientRects().length > 0)";

    [Fact]
    public async Task Should_PageAndFilterAcrossTheTableBodies_When_TheFindingsFillSeveral()
    {
        // Given a report of 2,100 findings (300 groups open to the world), written as three table bodies
        var result = ReportTestData.CreateLarge(300);
        using var directory = new ScratchDirectory();
        var path = await HtmlReportFile.WriteAsync(result, directory.Path);

        var table = Regex.Match(await File.ReadAllTextAsync(path), "<table[^>]*id=\"findings-table\".*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(2_100, result.Findings.Length);
        Assert.Equal(3, Regex.Count(table, "<tbody>"));

        // When it is opened and the pager goes to page 11
        using var browser = new HeadlessChromium();
        browser.OpenReport(path);
        for (var i = 0; i < 10; i++)
        {
            browser.RunRaw("document.querySelector('#findings-pager [data-page=next]').click();");
        }

        // Then the browser lays out one body, the page's (the others are not even styled row by row), and in it
        // exactly findings 1,001-1,100, in the report's order
        Assert.Equal(4, browser.Run<int>("return document.querySelectorAll('#findings-table > tbody').length;"));
        Assert.Equal("page", browser.RunRaw("return Array.from(document.querySelectorAll('#findings-table > tbody')).filter(b => getComputedStyle(b).display !== 'none').map(b => b.className).join(',');"));
        var expected = result.Findings.Skip(1_000).Take(100).Select(f => $"{f.RuleId}|{f.ResourceId}").ToList();
        var shown = ((IEnumerable<object>)browser.RunRaw(VisibleRows + ".map(r => r.cells[1].textContent.trim() + '|' + r.cells[5].querySelector('a, .rid').textContent.trim());")!).Select(o => (string)o).ToList();
        Assert.Equal(expected, shown);
        Assert.Equal("2100", browser.RunRaw("return document.getElementById('findings-status').getAttribute('data-matching');"));

        // And a filter by rule matches that rule's findings from every body, the first 100 of them shown
        var rule = result.Findings[^1].RuleId;
        browser.RunRaw("var s = document.querySelector('select[data-filter=rule]'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", rule);
        var ofRule = result.Findings.Where(f => f.RuleId == rule).Select(f => $"{f.RuleId}|{f.ResourceId}").ToList();
        Assert.Equal(ofRule.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), browser.RunRaw("return document.getElementById('findings-status').getAttribute('data-matching');"));
        var filtered = ((IEnumerable<object>)browser.RunRaw(VisibleRows + ".map(r => r.cells[1].textContent.trim() + '|' + r.cells[5].querySelector('a, .rid').textContent.trim());")!).Select(o => (string)o).ToList();
        Assert.Equal(ofRule.Take(100), filtered);
    }
}
