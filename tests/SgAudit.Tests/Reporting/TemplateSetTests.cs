using SgAudit.Reporting;
using SgAudit.Reporting.Templates;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

public sealed class TemplateSetTests
{
    public static TheoryData<string> ShippedTemplates() =>
    [
        TemplatePaths.HtmlReport, TemplatePaths.Sarif, TemplatePaths.Markdown, .. TemplateSet.Embedded.List(TemplatePaths.HtmlPartials, ".hbs"),
    ];

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public void Should_UseOnlyEscapedOutput_When_ShippingTemplates(string path)
    {
        // Given / When a shipped template is read
        var text = TemplateSet.Embedded.Read(path);

        // Then it never uses the unescaped forms
        Assert.DoesNotContain("{{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{&", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{~&", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_EmbedTheRepositorysTemplates_When_Built()
    {
        // Given the templates in the repository
        var root = Path.Combine(ReportTestPaths.RepositoryRoot, "reports-templates");
        var onDisk = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".hbs", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        // When the embedded set is listed
        string[] embedded = [TemplatePaths.HtmlReport, TemplatePaths.HtmlStyles, TemplatePaths.HtmlScript, TemplatePaths.Sarif, TemplatePaths.Markdown, .. TemplateSet.Embedded.List(TemplatePaths.HtmlPartials, ".hbs")];

        // Then they are the same files with the same text
        Assert.Equal(onDisk, embedded.Order(StringComparer.Ordinal));
        Assert.All(embedded, p => Assert.Equal(File.ReadAllText(Path.Combine(root, p)).Replace("\r\n", "\n", StringComparison.Ordinal), TemplateSet.Embedded.Read(p)));
    }

    [Fact]
    public async Task Should_RenderTheSameReports_When_TemplatesComeFromACopiedDirectory()
    {
        // Given a directory holding a copy of the embedded templates
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        var fromDirectory = new ReportWriterFactory(TemplateSet.FromDirectory(templates.Path));
        var embedded = new ReportWriterFactory(TemplateSet.Embedded);
        var result = ReportTestData.Create();

        foreach (var format in new[] { "html", "sarif", "md" })
        {
            // When both render
            var expected = await ReportRendering.RenderAsync(embedded.Create(format), result);
            var actual = await ReportRendering.RenderAsync(fromDirectory.Create(format), result);

            // Then the output is the same
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Should_ThrowReportException_When_TheDirectoryDoesNotExist()
    {
        // Given a path that does not exist
        var missing = Path.Combine(Path.GetTempPath(), "sgaudit-no-such-templates-" + Guid.NewGuid().ToString("N"));

        // When it is used as a template set
        var error = Assert.Throws<ReportException>(() => TemplateSet.FromDirectory(missing));

        // Then the directory is named
        Assert.Equal(missing, error.Template);
        Assert.Contains("does not exist", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TemplatePaths.HtmlReport, "html")]
    [InlineData(TemplatePaths.HtmlStyles, "html")]
    [InlineData(TemplatePaths.HtmlScript, "html")]
    [InlineData(TemplatePaths.Sarif, "sarif")]
    [InlineData(TemplatePaths.Markdown, "md")]
    public void Should_ThrowReportExceptionNamingTheFile_When_ATemplateIsMissing(string path, string format)
    {
        // Given a template directory without one file
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        File.Delete(templates.Resolve(path));

        // When the writer that needs it is created
        var error = Assert.Throws<ReportException>(() => new ReportWriterFactory(TemplateSet.FromDirectory(templates.Path)).Create(format));

        // Then the exception names the missing file
        Assert.Equal(templates.Resolve(path), error.Template);
        Assert.Contains("missing", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ThrowReportExceptionNamingThePartial_When_ItHasASyntaxError()
    {
        // Given a partial with an unclosed block
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write("html/partials/finding.hbs", "<tr>{{#if vpcId}}<td>{{vpcId}}</td></tr>");

        // When the HTML writer is created
        var error = Assert.Throws<ReportException>(() => new HtmlReportWriter(TemplateSet.FromDirectory(templates.Path)));

        // Then the exception names the partial's file
        Assert.Equal(templates.Resolve("html/partials/finding.hbs"), error.Template);
        Assert.Contains("does not compile", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ThrowReportException_When_ATemplateUsesAFieldTheViewModelLacks()
    {
        // Given a Markdown template with a misspelt field
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.Markdown, "# {{tool.nmae}}\n");
        var writer = new MarkdownReportWriter(TemplateSet.FromDirectory(templates.Path));

        // When it renders
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ReportException>(() => writer.WriteAsync(ReportTestData.Create(), stream, CancellationToken.None));

        // Then the template and the field are named
        Assert.Equal(templates.Resolve(TemplatePaths.Markdown), error.Template);
        Assert.Contains("nmae", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>{{{scan.source}}}</p>")]
    [InlineData("<p>{{& scan.source}}</p>")]
    [InlineData("<p>{{~&scan.source}}</p>")]
    public void Should_RejectTheTemplate_When_ItUsesUnescapedOutput(string template)
    {
        // Given an HTML template that writes account data raw
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.HtmlReport, "<html>\n" + template + "\n</html>\n");

        // When the writer is created
        var error = Assert.Throws<ReportException>(() => new HtmlReportWriter(TemplateSet.FromDirectory(templates.Path)));

        // Then the template and line are named
        Assert.Equal(templates.Resolve(TemplatePaths.HtmlReport), error.Template);
        Assert.Contains("line 2 uses unescaped output", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_EscapePartialOutput_When_ThePartialIsCalledAloneOnAnIndentedLine()
    {
        // Given a report that calls a partial alone on indented lines (Handlebars.Net 2.4.3 skips the encoder there)
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.HtmlReport, "<ul>\n{{#each findings}}\n    {{> name}}\n\t{{~> name}}\n{{/each}}\n</ul>\n");
        templates.Write("html/partials/name.hbs", "<li>{{resourceName}}</li>\n");

        // When it renders findings named with markup
        var html = await ReportRendering.RenderAsync(new HtmlReportWriter(TemplateSet.FromDirectory(templates.Path)), ReportTestData.Create());

        // Then the partial's output is escaped too
        Assert.Contains("<li>&lt;img src&#61;x onerror&#61;alert(1)&gt;</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }
}
