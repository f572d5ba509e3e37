using SgAudit.Reporting;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

public sealed class ReportWriterFactoryTests
{
    [Theory]
    [InlineData("html", "html", typeof(HtmlReportWriter), "report.html")]
    [InlineData("sarif", "sarif", typeof(SarifReportWriter), "report.sarif")]
    [InlineData("json", "json", typeof(JsonReportWriter), "report.json")]
    [InlineData("md", "md", typeof(MarkdownReportWriter), "summary.md")]
    [InlineData("junit", "junit", typeof(JUnitReportWriter), "report.junit.xml")]
    [InlineData(" JUnit ", "junit", typeof(JUnitReportWriter), "report.junit.xml")]
    [InlineData(" Markdown ", "md", typeof(MarkdownReportWriter), "summary.md")]
    [InlineData("HTML", "html", typeof(HtmlReportWriter), "report.html")]
    public void Should_CreateTheFormatsWriter_When_GivenItsName(string format, string name, Type type, string fileName)
    {
        // Given the embedded templates
        var factory = new ReportWriterFactory(TemplateSet.Embedded);

        // When a writer is created by name
        var writer = factory.Create(format);

        // Then it is that format's writer and file
        Assert.IsType(type, writer);
        Assert.Equal(fileName, writer.FileName);
        Assert.Equal(name, writer.Format);
        Assert.True(ReportWriterFactory.IsSupported(format));
    }

    [Fact]
    public void Should_CreateOneWriterPerFormatInOrder_When_GivenAList()
    {
        // Given / When a list with a repeat is created
        var writers = new ReportWriterFactory(TemplateSet.Embedded).Create(["sarif", "junit", "html", "json", "md", "SARIF"]);

        // Then each format appears once, in the order given
        Assert.Equal(["sarif", "junit", "html", "json", "md"], writers.Select(w => w.Format));
        Assert.Equal(ReportWriterFactory.SupportedFormats.Order(StringComparer.Ordinal), writers.Select(w => w.Format).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_UseTheEmbeddedTemplates_When_NoDirectoryIsGiven()
    {
        // Given / When the CLI's --templates is absent, or names a directory
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        var absent = TemplateSet.Load(null);
        var given = TemplateSet.Load(templates.Path);

        // Then the first is the embedded set and the second reads that directory
        Assert.Same(TemplateSet.Embedded, absent);
        Assert.Equal(templates.Path, given.Directory);
        Assert.Equal(["html", "md"], ReportWriterFactory.Create(["html", "md"], given).Select(w => w.Format));
    }

    [Fact]
    public void Should_Throw_When_TheFormatIsUnknown()
    {
        // Given / When / Then
        Assert.False(ReportWriterFactory.IsSupported("pdf"));
        var error = Assert.Throws<ArgumentException>(() => new ReportWriterFactory(TemplateSet.Embedded).Create("pdf"));
        Assert.Contains("html, sarif, json, md, junit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LeaveJUnitOutOfTheDefaults_When_ListingFormats()
    {
        // Given / When / Then JUnit is supported but opt-in, and every default is supported
        Assert.Equal(["html", "sarif", "json", "md", "junit"], ReportWriterFactory.SupportedFormats.AsEnumerable());
        Assert.Equal(["html", "sarif", "json", "md"], ReportWriterFactory.DefaultFormats.AsEnumerable());
        Assert.All(ReportWriterFactory.DefaultFormats, f => Assert.True(ReportWriterFactory.IsSupported(f)));
    }
}
