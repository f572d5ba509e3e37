using System.Text.RegularExpressions;
using SgAudit.Core.Engine;
using SgAudit.Reporting;
using SgAudit.Reporting.Templates;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public async Task Should_ShowHostileStringsOnlyEscaped_When_RenderingAccountData()
    {
        // Given / When the test scan, whose names and messages carry markup, is rendered
        var html = await RenderAsync(ReportTestData.Create());

        // Then no markup from the data survives, and hidden characters are shown, not kept
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{ title }} {{{raw}}}", html, StringComparison.Ordinal);
        Assert.Contains("[U+202E]txt.exe[U+0001]", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
        Assert.DoesNotContain('\u0001', html);
        Assert.Contains(ReportTestData.LongName, html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListEveryFinding_When_Rendering()
    {
        // Given the test scan
        var result = ReportTestData.Create();

        // When it is rendered
        var html = await RenderAsync(result);

        // Then one table row per finding shows its resource id, account, region and evidence
        var rows = FindingRow().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(result.Findings.Length, rows.Count);
        foreach (var (finding, row) in result.Findings.Zip(rows))
        {
            Assert.Contains($"<code>{Encode(finding.ResourceId)}</code>", row, StringComparison.Ordinal);
            Assert.Contains($"<code>{finding.AccountId}</code>", row, StringComparison.Ordinal);
            Assert.Contains($"<code>{finding.Region}</code>", row, StringComparison.Ordinal);
            Assert.Contains(Encode(finding.Evidence.Permission), row, StringComparison.Ordinal);
            Assert.Contains(Encode(finding.Evidence.Detail), row, StringComparison.Ordinal);
            Assert.Contains(finding.VpcId ?? "none", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_ExplainEachRule_When_ItHasFindings()
    {
        // Given / When the test scan is rendered
        var result = ReportTestData.Create();
        var html = await RenderAsync(result);

        // Then each rule with findings has its group with why it fails and how to fix it
        foreach (var rule in result.Rules.Where(r => result.Findings.Any(f => f.RuleId == r.Id)))
        {
            Assert.Contains($"id=\"rule-{rule.Id}\" open>", html, StringComparison.Ordinal);
            Assert.Contains(Encode(rule.Definition.Description), html, StringComparison.Ordinal);
            Assert.Contains(Encode(rule.Definition.Risk), html, StringComparison.Ordinal);
            Assert.Contains(Encode(rule.Definition.Remediation.Text), html, StringComparison.Ordinal);
            Assert.Contains(Encode(rule.Definition.Remediation.Cli!), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_LoadNothingExternal_When_Rendered()
    {
        // Given / When the test scan is rendered
        var html = await RenderAsync(ReportTestData.Create());

        // Then a CSP forbids loads and script, nothing refers to a resource, and only reference-list anchors leave the page
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        var external = Href().Matches(html).Select(m => m.Groups["target"].Value).Where(t => !t.StartsWith('#')).ToList();
        Assert.NotEmpty(external);
        Assert.All(external, t => Assert.StartsWith("https://", t, StringComparison.Ordinal));
        Assert.Equal(external.Count, ReferenceLink().Count(html));
    }

    [Fact]
    public async Task Should_ShowComplianceAndNotAssessedScopes_When_Rendering()
    {
        // Given / When the test scan is rendered
        var html = await RenderAsync(ReportTestData.Create());

        // Then versioned control labels have a status, and the unreadable region and the missing-input gap are listed
        Assert.Matches("<td class=\"label\">CIS AWS Foundations v3\\.0\\.0 5\\.2</td>\\s*<td>[^<]*</td>\\s*<td><span class=\"badge status-fail\">Fail</span>", html);
        Assert.Contains("<code>ap-southeast-2</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>UnauthorizedOperation</code>", html, StringComparison.Ordinal);
        Assert.Matches("<td>SGA010</td>\\s*<td><code>222222222222</code></td>\\s*<td><code>us-west-2</code></td>\\s*<td class=\"text\">the input has no network ACLs</td>", html);
        Assert.Contains("class=\"partial\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_CollapseARulesFindings_When_ItHasMoreThan200()
    {
        // Given 201 world-open groups (201 findings per rule) and 200 (200 per rule)
        var over = await RenderAsync(ReportTestData.CreateLarge(201));
        var at = await RenderAsync(ReportTestData.CreateLarge(200));

        // When / Then groups over the limit render collapsed, groups at the limit open
        Assert.Contains("<details class=\"rule sev-high\" id=\"rule-SGA001\">", over, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rule-SGA001\" open", over, StringComparison.Ordinal);
        Assert.Contains("id=\"rule-SGA001\" open>", at, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RenderEveryFinding_When_ThereAre100000()
    {
        // Given 16,667 world-open groups: 100,002 findings
        var result = ReportTestData.CreateLarge(16_667);

        // When it is rendered
        using var stream = new MemoryStream();
        await new HtmlReportWriter(TemplateSet.Embedded).WriteAsync(result, stream, CancellationToken.None);

        // Then every finding has its row and every group is collapsed
        var html = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(100_002, result.Findings.Length);
        Assert.Equal(result.Findings.Length, CountOccurrences(html, "<tr><td><code>"));
        Assert.DoesNotContain("\" open>", html.Replace("class=\"framework\" open>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintGroupsAndHideNavigation_When_Printed()
    {
        // Given / When the test scan is rendered
        var html = await RenderAsync(ReportTestData.Create());

        // Then the inline stylesheet has print rules
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("details::details-content", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ThrowReportException_When_TheStylesheetClosesTheStyleElement()
    {
        // Given a stylesheet that would end the inline <style> element
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.HtmlStyles, "body { color: red; } </STYLE><script>alert(1)</script>");

        // When the writer is created
        var error = Assert.Throws<ReportException>(() => new HtmlReportWriter(TemplateSet.FromDirectory(templates.Path)));

        // Then the stylesheet is named
        Assert.Equal(templates.Resolve(TemplatePaths.HtmlStyles), error.Template);
    }

    // What the report's encoder does to plain text: & < > " ' ` = become character references.
    private static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("`", "&#96;", StringComparison.Ordinal)
        .Replace("=", "&#61;", StringComparison.Ordinal);

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Task<string> RenderAsync(ScanResult result) => ReportRendering.RenderAsync(new HtmlReportWriter(TemplateSet.Embedded), result);

    [GeneratedRegex("<tr><td><code>.*?</tr>")]
    private static partial Regex FindingRow();

    [GeneratedRegex("href=\"(?<target>[^\"]*)\"")]
    private static partial Regex Href();

    // The only external links: plain anchors in a rule's reference list.
    [GeneratedRegex("<li><a href=\"https://[^\"]+\" rel=\"noopener noreferrer\">")]
    private static partial Regex ReferenceLink();
}
