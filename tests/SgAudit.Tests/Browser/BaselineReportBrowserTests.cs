using OpenQA.Selenium;
using SgAudit.Cli;
using SgAudit.Tests.Baselines;
using SgAudit.Tests.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Browser;

/// <summary>A report scanned with --baseline, in headless Chromium: the baseline filter shows exactly the new or unchanged rows.</summary>
public sealed class BaselineReportBrowserTests
{
    private const string VisibleBaselineCells = """
        return Array.from(document.querySelectorAll('#findings-table tbody tr'))
          .filter(r => r.getClientRects().length > 0)
          .map(r => r.cells[0].textContent.trim() + ' ' + r.cells[1].textContent.trim() + ' ' + r.cells[r.cells.length - 1].textContent.trim());
        """;

    [Fact]
    public async Task Should_ShowOnlyTheNewFindings_When_TheBaselineFilterIsNew()
    {
        // Given the model example with SSH moved to RDP, scanned against the example's report (4 new, 2 unchanged)
        using var work = new ScratchDirectory();
        var (_, baseline) = await ReportFiles.ScanAsync(work, "before", BaselineModels.Example);
        var model = work.Write("after.yaml", BaselineModels.ExampleSshMovedToRdp);
        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"), "--format", "html", "--baseline", baseline);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var browser = new HeadlessChromium();
        browser.OpenReport(work.Resolve("out/report.html"));
        Assert.Equal(6, Strings(browser.RunRaw(VisibleBaselineCells)).Count);

        // When "New" is chosen, then "Unchanged"
        browser.Driver.FindElement(By.CssSelector("select[data-filter='baseline'] option[value='New']")).Click();
        var shownNew = Strings(browser.RunRaw(VisibleBaselineCells));
        browser.Driver.FindElement(By.CssSelector("select[data-filter='baseline'] option[value='Unchanged']")).Click();
        var shownUnchanged = Strings(browser.RunRaw(VisibleBaselineCells));

        // Then exactly those rows are shown
        Assert.Equal(["critical SGA008 New", "high SGA001 New", "high SGA005 New", "high SGA011 New"], shownNew.Order(StringComparer.Ordinal));
        Assert.Equal(["low SGA012 Unchanged", "medium SGA010 Unchanged"], shownUnchanged.Order(StringComparer.Ordinal));
    }

    private static List<string> Strings(object? value) => [.. ((System.Collections.IEnumerable)value!).Cast<object>().Select(v => v.ToString()!)];
}
