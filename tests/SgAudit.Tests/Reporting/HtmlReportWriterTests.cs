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
        var html = HtmlOwnScript.Remove(await RenderAsync(ReportTestData.Create()));

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

        // Then one table row per finding shows its severity, rule, account, region, VPC, resource id and evidence, and links to its resource's card
        var rows = FindingRow().Matches(html).ToList();
        Assert.Equal(result.Findings.Length, rows.Count);
        foreach (var (finding, match) in result.Findings.Zip(rows))
        {
            var row = match.Value;
            var card = match.Groups["card"].Value;
            var severity = finding.Severity.ToString().ToLowerInvariant();
            Assert.StartsWith($"<tr data-g=\"{card}\"><td class=\"sev-{severity}\">{severity}</td><td>{finding.RuleId}</td><td>{finding.AccountId}</td>", row, StringComparison.Ordinal);
            Assert.Contains($"<td>{finding.AccountId}</td><td>{finding.Region}</td><td>{Encode(finding.VpcId ?? "none")}</td>", row, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#g-{card}\">{Encode(finding.ResourceId)}</a>", row, StringComparison.Ordinal);
            Assert.Contains(Encode(finding.Evidence.Permission), row, StringComparison.Ordinal);
            Assert.Contains(Encode(finding.Evidence.Detail), row, StringComparison.Ordinal);
            Assert.Matches($"<details class=\"grp sev-[a-z]+\" id=\"g-{card}\" data-g=\"{card}\"( open)?>\\s*<summary><span class=\"badge sev-[a-z]+\">[a-z]+</span> <code class=\"rid\">{Regex.Escape(Encode(finding.ResourceId))}</code>", html);
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
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(TemplateSet.Embedded.Read(TemplatePaths.HtmlScript))));
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'\">", html, StringComparison.Ordinal);
        Assert.Contains(HtmlOwnScript.Element, html, StringComparison.Ordinal);
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
    public async Task Should_OpenResourceCards_When_ThereAreAtMost30()
    {
        // Given 31 failing groups and 30
        var over = await RenderAsync(ReportTestData.CreateLarge(31));
        var at = await RenderAsync(ReportTestData.CreateLarge(30));

        // When / Then cards over the limit render collapsed, cards at the limit open
        Assert.Equal(31, CountOccurrences(over, "<details class=\"grp "));
        Assert.Equal(0, Regex.Count(over, "<details class=\"grp [^>]* open>"));
        Assert.Equal(30, Regex.Count(at, "<details class=\"grp [^>]* open>"));
    }

    [Fact]
    public async Task Should_RenderEveryFinding_When_ThereAre100000()
    {
        // Given 14,286 world-open groups: 100,002 findings
        var result = ReportTestData.CreateLarge(14_286);

        // When it is rendered
        using var stream = new MemoryStream();
        await new HtmlReportWriter(TemplateSet.Embedded).WriteAsync(result, stream, CancellationToken.None);

        // Then every finding has its row; the 2,000 most severe groups have a card, collapsed, and a note says the rest have none
        var html = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(100_002, result.Findings.Length);
        Assert.Equal(result.Findings.Length, CountOccurrences(html, "<tr data-g=\""));
        Assert.Equal(2_000, CountOccurrences(html, "<details class=\"grp "));
        Assert.Equal(2_000, CountOccurrences(html, "<table class=\"grp-rules\">"));
        Assert.Equal(0, Regex.Count(html, "<details class=\"grp [^>]* open>"));
        Assert.Equal(7 * (14_286 - 2_000), CountOccurrences(html, "<tr data-g=\"0\">"));
        Assert.Equal(7 * (14_286 - 2_000), CountOccurrences(html, "<td class=\"resource\"><span class=\"rid\">"));
        Assert.Contains("This scan has 14286 failing resources. To keep the file usable, only the 2000 most severe have a card here", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ShowEachGroupsRulesAttachmentsLastChangeAndFix_When_Rendering()
    {
        // Given / When the test scan is rendered
        var html = await RenderAsync(ReportTestData.Create());
        var card = Card(html, "sg-0a1b2c3d4e5f60001");

        // Then the card of the group with SSH open to the world marks that rule with its findings and keeps the description escaped
        Assert.Matches("<tr class=\"offending\"><td>ingress</td><td>tcp 22</td><td>0\\.0\\.0\\.0/0</td><td class=\"text\">&lt;/script&gt;[^<]*</td><td><span class=\"mark\"><span class=\"badge sev-high\">SGA001</span> covers port 22</span>", card);
        Assert.Contains("<p class=\"desc\"><span class=\"muted\">Description:</span> &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", card, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag-key\">Name</span>=<span class=\"tag-value\">&lt;img src&#61;x onerror&#61;alert(1)&gt;</span>", card, StringComparison.Ordinal);

        // And it lists the interface it is attached to, who changed it last and the commands that fix it
        Assert.Contains("<tr><td>eni-0a1b2c3d4e5f60001</td><td>interface</td>", card, StringComparison.Ordinal);
        Assert.Contains("<span class=\"attribution-found\">last changed by arn:aws:iam::111111111111:user/&lt;img src&#61;x onerror&#61;alert(2)&gt;", card, StringComparison.Ordinal);
        Assert.Contains("aws ec2 revoke-security-group-ingress --region &#39;us-east-1&#39; --group-id &#39;sg-0a1b2c3d4e5f60001&#39; --ip-permissions &#39;IpProtocol&#61;tcp,FromPort&#61;22,ToPort&#61;22,IpRanges&#61;[{CidrIp&#61;0.0.0.0/0}]&#39;", card, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#rule-SGA004\">SGA004</a>", card, StringComparison.Ordinal);

        // And an unused group (no interface) says so and is fixed by deleting it; its rule is not offending
        var unused = Card(html, "sg-0a1b2c3d4e5f60004");
        Assert.Contains("Not attached to any network interface.", unused, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"badge sev-low\">SGA006</span>", unused, StringComparison.Ordinal);
        Assert.Contains("aws ec2 delete-security-group --region &#39;us-east-1&#39; --group-id &#39;sg-0a1b2c3d4e5f60004&#39;", unused, StringComparison.Ordinal);

        // And a network ACL's card lists its entries with the offending one marked
        var acl = Card(html, "acl-0a1b2c3d4e5f60001");
        Assert.Matches("<tr class=\"offending\"><td class=\"num\">100</td><td>ingress</td><td>allow</td><td>all traffic</td><td>0\\.0\\.0\\.0/0</td><td><span class=\"mark\"><span class=\"badge sev-medium\">SGA010</span>", acl);
        Assert.Contains("<tr><td class=\"num\">32767</td><td>ingress</td><td>deny</td><td>all traffic</td><td>0.0.0.0/0</td><td><span class=\"muted\">ok</span>", acl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_OfferOnlyValuesThatOccur_When_RenderingFilters()
    {
        // Given / When the test scan is rendered
        var result = ReportTestData.Create();
        var html = await RenderAsync(result);

        // Then the filters are hidden until the script shows them, and each offers exactly the values findings have
        Assert.Contains("<form id=\"filters\" class=\"filters\" role=\"search\" aria-label=\"Filter findings\" hidden>", html, StringComparison.Ordinal);
        Assert.Equal(["severity", "rule", "account", "region", "vpc"], FilterSelect().Matches(html).Select(m => m.Groups["key"].Value));
        var severities = result.Findings.Select(f => f.Severity.ToString().ToLowerInvariant()).Distinct().ToList();
        Assert.Equal(severities.Count, Regex.Count(Filter(html, "severity"), "<option value=\"[a-z]+\">"));
        Assert.DoesNotContain("<option value=\"info\">", Filter(html, "severity"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"none\">none (", Filter(html, "vpc"), StringComparison.Ordinal);
        Assert.Equal(result.Findings.Select(f => f.Region).Distinct().Count(), Regex.Count(Filter(html, "region"), "<option value=\"[a-z0-9-]+\">"));
        Assert.DoesNotContain("data-filter=\"status\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("console.log('</script><script>alert(1)</script>');")]
    [InlineData("/* <!-- */")]
    public void Should_ThrowReportException_When_TheScriptCouldEndItsElement(string script)
    {
        // Given a script that would end or confuse the inline <script> element
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.HtmlScript, script);

        // When the writer is created
        var error = Assert.Throws<ReportException>(() => new HtmlReportWriter(TemplateSet.FromDirectory(templates.Path)));

        // Then the script is named
        Assert.Equal(templates.Resolve(TemplatePaths.HtmlScript), error.Template);
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

    private static string Card(string html, string resourceId)
    {
        var at = html.IndexOf($"<code class=\"rid\">{resourceId}</code>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{resourceId} has a card");
        return html[at..html.IndexOf("</details>", at, StringComparison.Ordinal)];
    }

    private static string Filter(string html, string key)
    {
        var at = html.IndexOf($"<select data-filter=\"{key}\">", StringComparison.Ordinal);
        return html[at..html.IndexOf("</select>", at, StringComparison.Ordinal)];
    }

    private static Task<string> RenderAsync(ScanResult result) => ReportRendering.RenderAsync(new HtmlReportWriter(TemplateSet.Embedded), result);

    [GeneratedRegex("<tr data-g=\"(?<card>[0-9]+)\">.*?</tr>")]
    private static partial Regex FindingRow();

    [GeneratedRegex("<select data-filter=\"(?<key>[a-z]+)\">")]
    private static partial Regex FilterSelect();

    [GeneratedRegex("href=\"(?<target>[^\"]*)\"")]
    private static partial Regex Href();

    // The only external links: plain anchors in a rule's reference list.
    [GeneratedRegex("<li><a href=\"https://[^\"]+\" rel=\"noopener noreferrer\">")]
    private static partial Regex ReferenceLink();
}
