using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting;

namespace SgAudit.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public async Task Should_EscapeHostileStrings_When_RenderingAccountData()
    {
        // Given / When the test scan is rendered
        var markdown = await RenderAsync(ReportTestData.Create());

        // Then markup, emphasis, links and hidden characters from the data are inert
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](http", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert\\(1\\)&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("\\*\\*bold\\*\\* \\[x\\]\\(http\\://e\\)", markdown, StringComparison.Ordinal);
        Assert.Contains("\\[U\\+202E\\]txt\\.exe\\[U\\+0001\\]", markdown, StringComparison.Ordinal);
        Assert.Contains("\\@team", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', markdown);
        Assert.DoesNotContain('\u0001', markdown);
        Assert.DoesNotContain('\u2028', markdown);
    }

    [Fact]
    public async Task Should_KeepEveryTableRowOnOneLine_When_ValuesHaveLineBreaksOrPipes()
    {
        // Given / When the test scan (with a name holding '|' and U+2028) is rendered
        var markdown = await RenderAsync(ReportTestData.Create());

        // Then every table row is one line with the table's cell count
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.EndsWith(" |", row, StringComparison.Ordinal));
        var findingRows = rows.Where(r => r.StartsWith("| critical | SGA", StringComparison.Ordinal) || r.StartsWith("| high | SGA", StringComparison.Ordinal)).ToList();
        Assert.All(findingRows, row => Assert.Equal(7, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public async Task Should_StateTheVerdictCountsAndGaps_When_Rendering()
    {
        // Given / When the test scan is rendered
        var result = ReportTestData.Create();
        var markdown = await RenderAsync(result);

        // Then it gives the verdict against fail-on, warns that the scan is partial, and lists the gaps
        Assert.StartsWith("## SgAudit security-group scan: FAIL\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"**Fail:** {result.GateFindings} of {result.Findings.Length} findings are at or above the fail-on severity **high**.", markdown, StringComparison.Ordinal);
        Assert.Contains("**Warning: partial scan.**", markdown, StringComparison.Ordinal);
        Assert.Contains($"| **critical** | {result.Findings.Count(f => f.Severity == Severity.Critical)} |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Account 222222222222, region ap\\-southeast\\-2: UnauthorizedOperation:", markdown, StringComparison.Ordinal);
        Assert.Contains("- SGA010 in account 222222222222, region us\\-west\\-2: the input has no network ACLs", markdown, StringComparison.Ordinal);
        Assert.Contains("report.html", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PassWithoutWarnings_When_NothingIsAtOrAboveFailOn()
    {
        // Given a fully assessed scan with fail-on critical and no critical finding
        var inventory = ReportTestData.Inventory();
        var result = ReportTestData.Scan(inventory with { Regions = [inventory.Regions[1]], NotAssessed = [] }) with { FailOn = Severity.Critical };

        // When it is rendered
        var markdown = await RenderAsync(result);

        // Then the verdict is pass and there is no partial warning
        Assert.StartsWith("## SgAudit security-group scan: PASS\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Pass:** no finding is at or above the fail-on severity **critical**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("partial scan", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListOnlyTheTwentyMostSevereFindings_When_ThereAreMore()
    {
        // Given 50 world-open groups: 350 findings
        var result = ReportTestData.CreateLarge(50);

        // When it is rendered
        var markdown = await RenderAsync(result);

        // Then the findings table has 20 rows, all critical (the most severe first)
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| critical | SGA", StringComparison.Ordinal) || l.StartsWith("| high | SGA", StringComparison.Ordinal) || l.StartsWith("| low | SGA", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("| critical |", r, StringComparison.Ordinal));
        Assert.Contains("### Findings (the 20 most severe of 350)", markdown, StringComparison.Ordinal);
    }

    private static Task<string> RenderAsync(ScanResult result) => ReportRendering.RenderAsync(new MarkdownReportWriter(TemplateSet.Embedded), result);
}
