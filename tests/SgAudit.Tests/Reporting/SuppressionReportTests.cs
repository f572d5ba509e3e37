using System.Text.Json;
using System.Text.RegularExpressions;
using SgAudit.Core.Suppressions;
using SgAudit.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

/// <summary>Suppressed findings and every suppression's status in each report format, with hostile tag reasons.</summary>
public sealed partial class SuppressionReportTests
{
    [Fact]
    public void Should_HaveOneSuppressionInEveryStatus_When_TheTestScanIsBuilt()
    {
        // Given / When the suppression test scan
        var result = SuppressionScan.Create();

        // Then the statuses are as designed, config first in file order, then tags by account, region and resource
        Assert.Equal(
            [
                ("sgaudit.yml line 3", SuppressionStatus.Applied, 1, 1),
                ("sgaudit.yml line 8", SuppressionStatus.Expired, 1, 0),
                ("sgaudit.yml line 13", SuppressionStatus.Stale, 0, 0),
                ("sgaudit.yml line 17", SuppressionStatus.Applied, 2, 2),
                ($"tag sgaudit:suppress on {SuppressionScan.AclId} (111111111111/us-east-1)", SuppressionStatus.Applied, 1, 1),
                ($"tag sgaudit:suppress on {SuppressionScan.GroupId} (111111111111/us-east-1)", SuppressionStatus.Applied, 2, 1),
                ($"tag sgaudit:suppress on {ReportTestData.OddGroupId} (222222222222/us-west-2)", SuppressionStatus.Invalid, 0, 0),
            ],
            result.Suppressions.Select(s => (s.Source.Text, s.Status, s.Findings, s.Suppressed)));
        Assert.Equal(
            [("SGA001", "sg-0a1b2c3d4e5f60001"), ("SGA001", "sg-0a1b2c3d4e5f60002"), ("SGA004", "sg-0a1b2c3d4e5f60001"), ("SGA007", "sg-0a1b2c3d4e5f60004"), ("SGA010", SuppressionScan.AclId)],
            result.Findings.Where(f => f.Suppression is not null).Select(f => (f.RuleId, f.ResourceId)));
    }

    [Fact]
    public async Task Should_LeaveSuppressedFindingsOutOfSarifAndStayValid_When_Rendering()
    {
        // Given the suppression scan rendered as SARIF
        var result = SuppressionScan.Create();
        using var directory = new ScratchDirectory();
        var path = Path.Combine(directory.Path, "report.sarif");
        await File.WriteAllTextAsync(path, await RenderAsync("sarif", result));
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var results = sarif.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray()).ToList();

        // Then no suppressed finding is a result, every unsuppressed finding of an assessed scope is, and the file is valid
        var hashes = results.Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()).ToHashSet();
        Assert.All(result.Findings.Where(f => f.Suppression is not null), f => Assert.DoesNotContain(f.Fingerprint + ":1", hashes));
        var expected = result.Findings.Where(f => f.Suppression is null && (f.AccountId, f.Region) != (ReportTestData.AccountB, "ap-southeast-2")).Select(f => f.Fingerprint + ":1");
        Assert.Equal(expected.Order(StringComparer.Ordinal), hashes.Order(StringComparer.Ordinal));
        Assert.Equal("", await SarifSchemaValidation.ValidateAsync(path));

        // And the run that lost results says so
        var run = sarif.RootElement.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("automationDetails").GetProperty("id").GetString()!.Contains("/us-east-1/", StringComparison.Ordinal));
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.Contains("5 suppressed findings are left out of this run (GitHub code scanning does not honour SARIF suppressions); report.json and report.html list them with their reasons.", notes);
    }

    [Fact]
    public async Task Should_MarkSuppressedFindingsAndListEverySuppression_When_WritingJson()
    {
        // Given / When the suppression scan is written as report.json
        var result = SuppressionScan.Create();
        var text = await RenderAsync("json", result);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        // Then the summary counts suppressed findings, which the gate leaves out
        var summary = root.GetProperty("summary");
        Assert.Equal(5, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal(result.Findings.Length, summary.GetProperty("findings").GetInt32());
        Assert.Equal(result.Findings.Count(f => f.Suppression is null && f.Severity >= result.FailOn), summary.GetProperty("gateFindings").GetInt32());

        // And each suppressed finding names its suppression; the others have no suppression member
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        foreach (var (finding, element) in result.Findings.Zip(findings))
        {
            Assert.Equal(finding.Fingerprint, element.GetProperty("fingerprint").GetString());
            Assert.Equal(finding.Suppression is not null, element.TryGetProperty("suppression", out var suppression));
            if (finding.Suppression is { } s)
            {
                Assert.Equal(s.Source.Text, suppression.GetProperty("source").GetString());
                Assert.Equal(s.Reason, suppression.GetProperty("reason").GetString());
                var index = suppression.GetProperty("index").GetInt32();
                Assert.Same(s, result.Suppressions[index - 1].Suppression);
            }
        }

        Assert.Equal(["index", "sourceKind", "source", "reason", "until"], findings.First(f => f.TryGetProperty("suppression", out _)).GetProperty("suppression").EnumerateObject().Select(p => p.Name));
        var tagged = findings.Single(f => f.GetProperty("ruleId").GetString() == "SGA004" && f.GetProperty("resourceId").GetString() == SuppressionScan.GroupId).GetProperty("suppression");
        Assert.Equal(("tag", SuppressionScan.TagReason, "2026-03-31"), (tagged.GetProperty("sourceKind").GetString(), tagged.GetProperty("reason").GetString(), tagged.GetProperty("until").GetString()));

        // And every suppression is listed with its status, counts, selector and, for the invalid tag, its value and problem
        var suppressions = root.GetProperty("suppressions").EnumerateArray().ToList();
        Assert.Equal(["applied", "expired", "stale", "applied", "applied", "applied", "invalid"], suppressions.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], suppressions.Select(s => s.GetProperty("index").GetInt32()));
        Assert.All(suppressions, s => Assert.Equal(
            ["index", "status", "sourceKind", "source", "file", "line", "accountId", "region", "resourceId", "ruleIds", "selector", "reason", "until", "findings", "suppressed", "problem", "value"],
            s.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["resourceId", "resourceName", "vpcId", "accountId", "region"], suppressions[0].GetProperty("selector").EnumerateObject().Select(p => p.Name));
        var config = suppressions[0];
        Assert.Equal(("config", "sgaudit.yml", 3, "unused-*", "2026-06-30"), (config.GetProperty("sourceKind").GetString(), config.GetProperty("file").GetString(), config.GetProperty("line").GetInt32(), config.GetProperty("selector").GetProperty("resourceName").GetString(), config.GetProperty("until").GetString()));
        Assert.Equal(JsonValueKind.Null, suppressions[2].GetProperty("until").ValueKind);
        var invalid = suppressions[6];
        Assert.Equal((SuppressionScan.InvalidTagValue, JsonValueKind.Null, ReportTestData.OddGroupId), (invalid.GetProperty("value").GetString(), invalid.GetProperty("reason").ValueKind, invalid.GetProperty("resourceId").GetString()));
        Assert.Contains("is not 'until YYYY-MM-DD' with a real date", invalid.GetProperty("problem").GetString(), StringComparison.Ordinal);

        // And account text stays inert: no raw markup or hidden character anywhere in the file
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text);
    }

    [Fact]
    public async Task Should_KeepComplianceAsWithoutSuppressions_When_FindingsAreSuppressed()
    {
        // Given the same inventory with and without suppressions
        using var plain = JsonDocument.Parse(await RenderAsync("json", ReportTestData.Create()));
        using var suppressed = JsonDocument.Parse(await RenderAsync("json", SuppressionScan.Create()));

        // Then every control has the same status and failing resources: an accepted exception is still non-compliant
        Assert.Equal(plain.RootElement.GetProperty("compliance").GetRawText(), suppressed.RootElement.GetProperty("compliance").GetRawText());
    }

    [Fact]
    public async Task Should_MarkRowsAndCardsAndListSuppressions_When_WritingHtml()
    {
        // Given / When the suppression scan is written as HTML
        var result = SuppressionScan.Create();
        var html = HtmlOwnScript.Remove(await RenderAsync("html", result));

        // Then each suppressed finding's row is marked and links to its suppression; the Status column has a filter
        var rows = FindingRow().Matches(html).ToList();
        Assert.Equal(result.Findings.Length, rows.Count);
        Assert.Equal(result.Findings.Select(f => f.Suppression is not null), rows.Select(r => r.Groups["suppressed"].Success));
        Assert.Contains("<th scope=\"col\" data-key=\"status\">Status</th>", html, StringComparison.Ordinal);
        Assert.Contains("<select data-filter=\"status\"><option value=\"\">all</option><option value=\"open\">open (", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"suppressed\">suppressed (5)</option>", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "<a class=\"supp\" href=\"#supp-[0-9]+\""));

        // And the Suppressions section lists all seven with their status
        Assert.Equal(["applied", "expired", "stale", "applied", "applied", "applied", "invalid"], SuppressionRow().Matches(html).Select(m => m.Groups["status"].Value));
        Assert.Contains("<a href=\"#suppressions\">Suppressions</a>", html, StringComparison.Ordinal);
        Assert.Contains("5 suppressed findings do not count.", html, StringComparison.Ordinal);

        // And the tag reason and the invalid tag value are shown only escaped, hidden characters visible
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src&#61;x onerror&#61;alert(&#39;supp&#39;)&gt; **accepted** [x](javascript:alert(1)) | # [U+202E]txt[U+0001] {{ title }}", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(&#39;bad&#39;)&lt;/script&gt; _why_", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
    }

    [Fact]
    public async Task Should_ShowNoStatusColumnButAnEmptySection_When_NothingIsSuppressed()
    {
        var html = await RenderAsync("html", ReportTestData.Create());

        Assert.DoesNotContain("data-key=\"status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"suppressed\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>No suppressions: the scan had no config suppressions and no resource carries an <code>sgaudit:suppress</code> tag.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListSuppressionsAndSuppressedFindingsEscaped_When_WritingMarkdown()
    {
        // Given / When the suppression scan is written as the Markdown summary
        var markdown = await RenderAsync("md", SuppressionScan.Create());

        // Then it has the counts, every suppression (expired and invalid first) and the suppressed findings with reasons
        Assert.Contains("5 suppressed findings do not count (see Suppressions below).", markdown, StringComparison.Ordinal);
        Assert.Contains("### Suppressions\n\nApplied 4, expired 1, stale 1, invalid 1.", markdown, StringComparison.Ordinal);
        var statuses = MarkdownSuppressionRow().Matches(markdown).Select(m => m.Groups["status"].Value).ToList();
        Assert.Equal(["Expired", "Invalid", "Stale", "Applied", "Applied", "Applied", "Applied"], statuses);
        Assert.Contains("#### Suppressed findings", markdown, StringComparison.Ordinal);
        Assert.Contains("| legacy jump hosts, replaced by SSM | sgaudit\\.yml line 17 | 2026\\-01\\-02 |", markdown, StringComparison.Ordinal);

        // And account text is inert
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u202E', markdown);
        Assert.Contains("&lt;img src=x onerror=alert\\('supp'\\)&gt; \\*\\*accepted\\*\\* \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| \\#", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SkipFullySuppressedTestCasesAndMarkPartlySuppressedOnes_When_WritingJUnit()
    {
        // Given / When the suppression scan is written as JUnit XML (validated against the schema)
        var result = SuppressionScan.Create();
        var document = JUnitXml.ParseAndValidate(await RenderAsync("junit", result));
        var cases = document.Descendants("testcase").ToList();

        // Then the ACL's SGA010 testcase, all suppressed, is skipped with the reason; the group's SGA008 still fails
        var acl = cases.Single(c => c.Attribute("classname")!.Value == "SGA010.111111111111.us-east-1" && c.Attribute("name")!.Value.StartsWith(SuppressionScan.AclId, StringComparison.Ordinal));
        Assert.Null(acl.Element("failure"));
        Assert.Equal($"suppressed: default NACL, tightened in Q2 (tag sgaudit:suppress on {SuppressionScan.AclId} (111111111111/us-east-1))", acl.Element("skipped")!.Attribute("message")!.Value);
        var sga008 = cases.Single(c => c.Attribute("classname")!.Value == "SGA008.111111111111.us-east-1" && c.Attribute("name")!.Value.StartsWith(SuppressionScan.GroupId, StringComparison.Ordinal));
        Assert.NotNull(sga008.Element("failure"));

        // And the counts are exact: a skipped case is neither a failure nor a pass
        var suite = document.Root!.Elements("testsuite").Single(s => s.Attribute("name")!.Value.StartsWith("SGA010 ", StringComparison.Ordinal));
        Assert.Equal((1, 1), (JUnitXml.Count(suite, "skipped"), suite.Descendants("skipped").Count()));
        Assert.Equal(suite.Descendants("failure").Count(), JUnitXml.Count(suite, "failures"));
        Assert.Equal(document.Root.Descendants("failure").Count(), JUnitXml.Count(document.Root, "failures"));
        Assert.Equal(result.Evaluation.Outcomes.Count(o => !o.Passed) - 5, JUnitXml.Count(document.Root, "failures")); // 5 outcomes are fully suppressed
        Assert.Equal(5, document.Root.Elements("testsuite").Sum(s => JUnitXml.Count(s, "skipped")));
    }

    private static Task<string> RenderAsync(string format, Core.Engine.ScanResult result) =>
        ReportRendering.RenderAsync(new ReportWriterFactory(TemplateSet.Embedded).Create(format), result);

    [GeneratedRegex("<tr data-g=\"[0-9]+\"(?<suppressed> class=\"suppressed\")?><td class=\"sev-")]
    private static partial Regex FindingRow();

    [GeneratedRegex("<tr id=\"supp-[0-9]+\" class=\"supp-(?<status>[a-z]+)\">")]
    private static partial Regex SuppressionRow();

    [GeneratedRegex("^\\| (?<status>Applied|Expired|Stale|Invalid) \\|", RegexOptions.Multiline)]
    private static partial Regex MarkdownSuppressionRow();
}
