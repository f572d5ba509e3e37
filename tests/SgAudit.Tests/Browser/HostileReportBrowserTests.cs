using OpenQA.Selenium;
using SgAudit.Tests.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Browser;

/// <summary>
/// Account strings built to run script (<see cref="HostileScan"/>), rendered by the real writer and opened in
/// headless Chromium: nothing they carry may run, and each must show as the text it is.
/// </summary>
public sealed class HostileReportBrowserTests
{
    [Fact]
    public async Task Should_RunNoInjectedScriptAndShowTheTextVerbatim_When_AccountValuesAreHostile()
    {
        // Given a report of a scan whose names, descriptions, tags (suppression tags too), VPC id, interface and CloudTrail actor carry payloads
        using var directory = new ScratchDirectory();
        var result = HostileScan.Create();
        var path = await HtmlReportFile.WriteAsync(result, directory.Path);

        // When it is opened and the report's own script has run
        using var browser = new HeadlessChromium();
        browser.OpenReport(path);

        // Then no payload ran: nothing set window.__pwned or the title, and the page has only its own script and no injected elements
        Assert.Equal("undefined", browser.Run<string>("return typeof window.__pwned;"));
        Assert.StartsWith($"SgAudit report: fail, {result.Findings.Length} findings (", browser.Run<string>("return document.title;"), StringComparison.Ordinal);
        Assert.Equal(1, browser.Run<int>("return document.scripts.length;"));
        Assert.Equal(0, browser.Run<int>("return document.querySelectorAll('img, iframe, b, [onerror], [onload], [onmouseover], [srcdoc]').length;"));

        // And every value is shown as text, hidden characters as [U+XXXX]
        var card = "document.querySelector('#groups details.grp[data-g=\"' + Array.from(document.querySelectorAll('#groups code.rid')).find(c => c.textContent === arguments[0]).closest('details').getAttribute('data-g') + '\"]')";
        Assert.Equal(HostileScan.Visible(HostileScan.Name), browser.Run<string>($"return {card}.querySelector('.gname').textContent;", HostileScan.GroupId));
        Assert.Equal("Description: " + HostileScan.Visible(HostileScan.Description), browser.Run<string>($"return {card}.querySelector('.desc').textContent;", HostileScan.GroupId));
        Assert.Equal(HostileScan.Visible(HostileScan.TagKey), browser.Run<string>($"return {card}.querySelector('.tag-key').textContent;", HostileScan.GroupId));
        Assert.Equal(HostileScan.Visible(HostileScan.TagValue), browser.Run<string>($"return {card}.querySelector('.tag-value').textContent;", HostileScan.GroupId));
        Assert.Equal(HostileScan.Visible(HostileScan.Description), browser.Run<string>($"return {card}.querySelector('table.grp-rules tbody td.text').textContent;", HostileScan.GroupId));
        Assert.Equal(HostileScan.Visible(HostileScan.InterfaceDescription), browser.Run<string>($"return {card}.querySelector('table.attachments tbody td.text').textContent;", HostileScan.GroupId));
        Assert.Contains(HostileScan.Visible(HostileScan.Actor), browser.Run<string>($"return {card}.querySelector('.attribution-found').textContent;", HostileScan.GroupId), StringComparison.Ordinal);
        Assert.Equal(HostileScan.Visible(HostileScan.LongName), browser.Run<string>($"return {card}.querySelector('.gname').textContent;", "sg-0badc0ffee0000002"));
        Assert.Equal(HostileScan.VpcId, browser.Run<string>("return document.querySelector('#findings-table tbody tr').cells[4].textContent;"));
        Assert.Equal(HostileScan.Visible(HostileScan.SuppressionReason), browser.Run<string>("return document.querySelector('#suppressions tr.supp-applied td:nth-child(5)').textContent;"));
        Assert.Equal(HostileScan.Visible(HostileScan.InvalidSuppression), browser.Run<string>("return document.querySelector('#suppressions tr.supp-invalid .supp-value').textContent;"));
        Assert.Contains(HostileScan.Visible(HostileScan.PeeringConnectionId), browser.Run<string>("return document.getElementById('findings-table').textContent;"), StringComparison.Ordinal);

        // And the hostile VPC id still works as a filter value (attributes carry it intact)
        browser.Driver.FindElement(By.CssSelector("select[data-filter='vpc'] option:nth-child(2)")).Click();
        Assert.Equal(HostileScan.VpcId, browser.Run<string>("return document.querySelector(\"select[data-filter='vpc']\").value;"));
        Assert.Equal(result.Findings.Count(f => f.VpcId == HostileScan.VpcId), browser.Run<int>("return document.getElementById('findings-status').getAttribute('data-matching') | 0;"));
        Assert.Equal("undefined", browser.Run<string>("return typeof window.__pwned;"));
    }
}
