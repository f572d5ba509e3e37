using Moq;
using SgAudit.Core.Engine;
using SgAudit.Reporting;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

public sealed class ReportFileWriterTests
{
    [Fact]
    public async Task Should_WriteEveryReportAndReturnThePaths_When_AllRender()
    {
        // Given every format and an output directory that does not exist yet
        using var output = new ScratchDirectory();
        var directory = Path.Combine(output.Path, "reports");
        var writers = new ReportWriterFactory(TemplateSet.Embedded).Create(ReportWriterFactory.SupportedFormats);

        // When the reports are written
        var paths = await ReportFileWriter.WriteAllAsync(writers, ReportTestData.Create(), directory, CancellationToken.None);

        // Then each file exists with its content, and no temporary file is left
        Assert.Equal(writers.Select(w => Path.Combine(directory, w.FileName)), paths);
        Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 0, p));
        Assert.Equal(paths.Order(StringComparer.Ordinal), Directory.GetFiles(directory).Order(StringComparer.Ordinal));
        Assert.Equal(await ReportRendering.RenderAsync(writers[0], ReportTestData.Create()), await File.ReadAllTextAsync(paths[0]));
    }

    [Fact]
    public async Task Should_WriteNoReport_When_AnyWriterFails()
    {
        // Given a good writer followed by one that fails, and reports from an earlier scan
        using var output = new ScratchDirectory();
        var earlier = Path.Combine(output.Path, "report.json");
        await File.WriteAllTextAsync(earlier, "earlier");
        var failing = new Mock<IReportWriter>();
        failing.SetupGet(w => w.FileName).Returns("report.html");
        failing.SetupGet(w => w.Format).Returns("html");
        failing.Setup(w => w.WriteAsync(It.IsAny<ScanResult>(), It.IsAny<Stream>(), It.IsAny<CancellationToken>()))
            .Returns(async (ScanResult _, Stream stream, CancellationToken ct) =>
            {
                await stream.WriteAsync("<html>half"u8.ToArray(), ct);
                throw new ReportException("html/report.hbs", "rendering failed");
            });

        // When the reports are written
        await Assert.ThrowsAsync<ReportException>(() => ReportFileWriter.WriteAllAsync([new JsonReportWriter(), failing.Object], ReportTestData.Create(), output.Path, CancellationToken.None));

        // Then the earlier report is untouched, the failed one does not exist, and no temporary file is left
        Assert.Equal("earlier", await File.ReadAllTextAsync(earlier));
        Assert.Equal([earlier], Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task Should_WriteNothing_When_Cancelled()
    {
        // Given a cancelled token
        using var output = new ScratchDirectory();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var writers = new ReportWriterFactory(TemplateSet.Embedded).Create(ReportWriterFactory.SupportedFormats);

        // When the reports are written
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportFileWriter.WriteAllAsync(writers, ReportTestData.Create(), output.Path, cancellation.Token));

        // Then the directory is empty
        Assert.Empty(Directory.GetFiles(output.Path));
    }
}
