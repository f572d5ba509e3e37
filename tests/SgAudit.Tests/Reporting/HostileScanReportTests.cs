using System.Text.Json;
using SgAudit.Reporting;

namespace SgAudit.Tests.Reporting;

/// <summary>The hostile values of <see cref="HostileScan"/> in the machine formats and Markdown: inert, and intact where the format carries them.</summary>
public sealed class HostileScanReportTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task Should_CarryHostileNamesIntactButInert_When_WritingJsonFormats(string format)
    {
        // Given / When the hostile scan is written as JSON or SARIF
        var text = await ReportRendering.RenderAsync(new ReportWriterFactory(TemplateSet.Embedded).Create(format), HostileScan.Create());

        // Then no markup or hidden character appears raw, and the names parse back exactly
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\u0001', text);
        using var document = JsonDocument.Parse(text);
        var strings = new List<string>();
        Collect(document.RootElement, strings);
        Assert.Contains(HostileScan.Name, strings);
        Assert.Contains(HostileScan.LongName, strings);
        Assert.Contains(strings, s => s.Contains(HostileScan.PeeringConnectionId, StringComparison.Ordinal));
        if (format == "json")
        {
            // report.json carries the suppression tag's reason and the invalid tag's value intact (SARIF leaves the suppressed finding out)
            Assert.Contains(HostileScan.SuppressionReason, strings);
            Assert.Contains(HostileScan.InvalidSuppression, strings);
        }
    }

    [Fact]
    public async Task Should_CarryHostileSuppressionTextOnlyEscaped_When_WritingJUnit()
    {
        // Given / When the hostile scan is written as JUnit XML
        var xml = await ReportRendering.RenderAsync(new ReportWriterFactory(TemplateSet.Embedded).Create("junit"), HostileScan.Create());

        // Then it is valid and the suppressed testcase's message carries the reason as text, hidden characters shown
        var document = JUnitXml.ParseAndValidate(xml);
        var skipped = document.Descendants("skipped").Select(s => s.Attribute("message")!.Value).Single(m => m.StartsWith("suppressed: ", StringComparison.Ordinal));
        Assert.StartsWith("suppressed: <img src=x onerror=\"window.__pwned='supp'\"> **ok**", skipped, StringComparison.Ordinal);
        Assert.Contains("[U+202E]txt[U+0001]", skipped, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ShowHostileNamesOnlyEscaped_When_WritingMarkdown()
    {
        // Given / When the hostile scan is written as the Markdown summary
        var markdown = await ReportRendering.RenderAsync(new ReportWriterFactory(TemplateSet.Embedded).Create("md"), HostileScan.Create());

        // Then no account markup, template syntax or hidden character survives
        foreach (var tag in new[] { "<img", "<script", "</script", "<svg", "<iframe", "<b " })
        {
            Assert.DoesNotContain(tag, markdown, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("{{", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=\"window\\.\\_\\_pwned='supp'\"&gt; \\*\\*ok\\*\\*", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;/td&gt;&lt;script&gt;", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', markdown);
        Assert.DoesNotContain('\u200F', markdown);
        Assert.Contains("&lt;svg onload", markdown, StringComparison.Ordinal);
    }

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
            default:
                break;
        }
    }
}
