using System.Collections.ObjectModel;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Browser;

/// <summary>
/// The demo report, written by the real command line, opened as a file in headless Chromium after its script ran:
/// what the page shows must agree with report.json, and filtering, searching and sorting must show exactly the
/// right rows. <c>SGAUDIT_SCREENSHOT=1</c> also saves docs/report-screenshot.png.
/// </summary>
public sealed class HtmlReportBrowserTests(DemoReportFixture demo) : IClassFixture<DemoReportFixture>
{
    // One key per findings-table row: rule, account, region, resource id, source, detail.
    private const string RowKeys = """
        return Array.from(document.querySelectorAll('#findings-table tbody tr'))
          .filter(r => arguments[0] ? r.getClientRects().length > 0 : r.getClientRects().length === 0)
          .map(r => [1, 2, 3].map(i => r.cells[i].textContent.trim()).concat([r.cells[5].firstChild.textContent, r.cells[7].textContent, r.cells[8].textContent]).join('|'));
        """;

    private const string VisibleCards = "return Array.from(document.querySelectorAll('#groups > details.grp')).filter(c => c.getClientRects().length > 0).map(c => c.querySelector('code.rid').textContent);";

    private HeadlessChromium Browser => demo.Browser;

    private JsonElement Findings => demo.Json.RootElement.GetProperty("findings");

    private JsonElement Summary => demo.Json.RootElement.GetProperty("summary");

    [Fact]
    public void Should_ShowTheCountsOfReportJson_When_TheDemoReportIsOpened()
    {
        // Given the demo report, open after its script ran
        Browser.OpenReport(demo.ReportPath);

        // Then the table has a row per finding, all shown (one page), and the status counts them
        var total = Summary.GetProperty("findings").GetInt32();
        Assert.Equal(Findings.GetArrayLength(), total);
        Assert.Equal(total, Browser.Run<int>("return document.querySelectorAll('#findings-table tbody tr').length;"));
        Assert.Equal(total, Browser.Run<int>("return document.getElementById('findings-status').getAttribute('data-matching') | 0;"));
        Assert.Equal(Sorted(JsonKeys(_ => true)), Sorted(Strings(Browser.RunRaw(RowKeys, true))));

        // And the severity cards and the chart's bars show report.json's counts
        foreach (var severity in Summary.GetProperty("bySeverity").EnumerateObject())
        {
            var expected = severity.Value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, Browser.Run<string>("return document.querySelector('.card[data-severity=\"' + arguments[0] + '\"] .card-count').textContent;", severity.Name));
            Assert.Equal(expected, Browser.Run<string>("return document.querySelector('.severity-chart g[data-severity=\"' + arguments[0] + '\"] .bar-count').textContent;", severity.Name));
            Assert.Equal(severity.Value.GetInt32() > 0, Browser.Run<double>("return document.querySelector('.severity-chart g[data-severity=\"' + arguments[0] + '\"] rect').getBBox().width;", severity.Name) > 0);
        }

        // And the rule table and the account, region and VPC tables agree with report.json
        foreach (var rule in Summary.GetProperty("byRule").EnumerateObject())
        {
            Assert.Equal(rule.Value.GetInt32(), Browser.Run<int>("return document.querySelector('table.rules tr[data-rule=\"' + arguments[0] + '\"]').getAttribute('data-count') | 0;", rule.Name));
        }

        AssertBreakdown("account", f => f.GetProperty("accountId").GetString()!);
        AssertBreakdown("region", f => f.GetProperty("region").GetString()!);
        AssertBreakdown("vpc", f => f.GetProperty("vpcId").GetString() ?? "none");

        // And there is one card per failing resource
        var resources = Findings.EnumerateArray().Select(f => f.GetProperty("resourceId").GetString()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(resources, Sorted(Strings(Browser.RunRaw(VisibleCards))));

        SaveScreenshot();
    }

    [Fact]
    public void Should_HideExactlyTheOtherFindings_When_FilteringBySeverityHigh()
    {
        // Given the demo report
        Browser.OpenReport(demo.ReportPath);

        // When "high" is chosen in the severity filter
        Browser.Driver.FindElement(By.CssSelector("select[data-filter='severity'] option[value='high']")).Click();

        // Then exactly the high findings are shown and every other row is hidden
        var high = JsonKeys(f => f.GetProperty("severity").GetString() == "high");
        Assert.Equal(Summary.GetProperty("bySeverity").GetProperty("high").GetInt32(), high.Count);
        Assert.Equal(Sorted(high), Sorted(Strings(Browser.RunRaw(RowKeys, true))));
        Assert.Equal(Sorted(JsonKeys(f => f.GetProperty("severity").GetString() != "high")), Sorted(Strings(Browser.RunRaw(RowKeys, false))));
        Assert.Equal(high.Count, Browser.Run<int>("return document.getElementById('findings-status').getAttribute('data-matching') | 0;"));

        // And only the cards of resources with a high finding are shown
        var highResources = Findings.EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "high").Select(f => f.GetProperty("resourceId").GetString()!).Distinct(StringComparer.Ordinal);
        Assert.Equal(Sorted(highResources), Sorted(Strings(Browser.RunRaw(VisibleCards))));

        // When the filter is cleared, everything is back
        Browser.Driver.FindElement(By.CssSelector("#filters button[type='reset']")).Click();
        Wait(() => Browser.Run<int>("return document.getElementById('findings-status').getAttribute('data-matching') | 0;") == Findings.GetArrayLength());
        Assert.Equal(Findings.GetArrayLength(), Strings(Browser.RunRaw(RowKeys, true)).Count);
    }

    [Fact]
    public void Should_ShowOnlyMatchingRowsAndSortThem_When_SearchingAndSorting()
    {
        // Given the demo report
        Browser.OpenReport(demo.ReportPath);

        // When "bastion" is typed into the search box
        Browser.Driver.FindElement(By.Id("search")).SendKeys("bastion");
        var expected = JsonKeys(f => SearchText(f).Contains("bastion", StringComparison.Ordinal));
        Assert.NotEmpty(expected);
        Wait(() => Browser.Run<int>("return document.getElementById('findings-status').getAttribute('data-matching') | 0;") == expected.Count);

        // Then the rows shown are exactly the findings whose text has it
        Assert.Equal(Sorted(expected), Sorted(Strings(Browser.RunRaw(RowKeys, true))));

        // When the search is cleared and the severity column is sorted, then sorted again
        Browser.Driver.FindElement(By.CssSelector("#filters button[type='reset']")).Click();
        Wait(() => Browser.Run<int>("return document.getElementById('findings-status').getAttribute('data-matching') | 0;") == Findings.GetArrayLength());
        var sortButton = Browser.Driver.FindElement(By.CssSelector("#findings-table th[data-key='severity'] button"));
        sortButton.Click();
        var ascending = Strings(Browser.RunRaw("return Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => r.getClientRects().length > 0).map(r => r.cells[0].textContent.trim());"));
        sortButton.Click();
        var descending = Strings(Browser.RunRaw("return Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => r.getClientRects().length > 0).map(r => r.cells[0].textContent.trim());"));

        // Then the rows go from critical to low, then the other way, and none is lost
        string[] rank = ["critical", "high", "medium", "low", "info"];
        var bySeverity = Findings.EnumerateArray().Select(f => f.GetProperty("severity").GetString()!).OrderBy(s => Array.IndexOf(rank, s)).ToList();
        Assert.Equal(bySeverity, ascending);
        Assert.Equal(Enumerable.Reverse(bySeverity), descending);
        Assert.Equal("descending", Browser.Run<string>("return document.querySelector('#findings-table th[data-key=\"severity\"]').getAttribute('aria-sort');"));
    }

    private void AssertBreakdown(string key, Func<JsonElement, string> keyOf)
    {
        var expected = Findings.EnumerateArray().GroupBy(keyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var shown = Strings(Browser.RunRaw("return Array.from(document.querySelectorAll('#by-' + arguments[0] + ' tbody tr')).map(r => r.getAttribute('data-key') + '=' + r.getAttribute('data-count'));", key));
        Assert.Equal(expected.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    private List<string> JsonKeys(Func<JsonElement, bool> predicate) => [.. Findings.EnumerateArray().Where(predicate).Select(f => string.Join('|',
        f.GetProperty("ruleId").GetString(),
        f.GetProperty("accountId").GetString(),
        f.GetProperty("region").GetString(),
        f.GetProperty("resourceId").GetString(),
        f.GetProperty("evidence").GetProperty("source").GetString(),
        f.GetProperty("evidence").GetProperty("detail").GetString()))];

    // What a row's text holds, as the search box sees it.
    private static string SearchText(JsonElement finding) => string.Join(' ',
        finding.GetProperty("severity").GetString(), finding.GetProperty("ruleId").GetString(), finding.GetProperty("accountId").GetString(),
        finding.GetProperty("region").GetString(), finding.GetProperty("vpcId").GetString() ?? "none", finding.GetProperty("resourceId").GetString(),
        finding.GetProperty("resourceName").GetString(), finding.GetProperty("evidence").GetProperty("direction").GetString(),
        finding.GetProperty("evidence").GetProperty("permission").GetString(), finding.GetProperty("evidence").GetProperty("source").GetString(),
        finding.GetProperty("evidence").GetProperty("detail").GetString()).ToLowerInvariant();

    private void SaveScreenshot()
    {
        // The committed screenshot is regenerated on request only: it is a picture, not something to compare.
        if (Environment.GetEnvironmentVariable("SGAUDIT_SCREENSHOT") == "1")
        {
            Browser.SaveScreenshot(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "report-screenshot.png"));
        }
    }

    private void Wait(Func<bool> condition) => new WebDriverWait(Browser.Driver, TimeSpan.FromSeconds(10)).Until(_ => condition());

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    internal static List<string> Strings(object? value) => [.. ((ReadOnlyCollection<object>)value!).Select(v => (string)v)];
}
