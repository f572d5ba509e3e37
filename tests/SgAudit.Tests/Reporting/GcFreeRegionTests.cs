using System.Runtime;
using Moq;
using SgAudit.Core.Engine;
using SgAudit.Reporting;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// The region without collections is process-wide state: these tests run alone (their own collection, not in
/// parallel with others), so no other test's rendering opens or ends a region meanwhile.
/// </summary>
[Collection(GcFreeRegionTests.CollectionName)]
public sealed class GcFreeRegionTests
{
    public const string CollectionName = "process-wide GC mode";

    [Fact]
    public async Task Should_RenderWithoutCollections_AndEndTheRegion_When_TheReportsAreWritten()
    {
        // Given a writer that notes the GC mode it renders in
        using var output = new ScratchDirectory();
        var modeWhileRendering = GCSettings.LatencyMode;
        var noting = new Mock<IReportWriter>();
        noting.SetupGet(w => w.FileName).Returns("report.txt");
        noting.Setup(w => w.WriteAsync(It.IsAny<ScanResult>(), It.IsAny<Stream>(), It.IsAny<CancellationToken>()))
            .Returns((ScanResult _, Stream _, CancellationToken _) =>
            {
                modeWhileRendering = GCSettings.LatencyMode;
                return Task.CompletedTask;
            });

        // When the reports are written
        await ReportFileWriter.WriteAllAsync([noting.Object], ReportTestData.Create(), output.Path, CancellationToken.None);

        // Then it rendered without collections, and collections are back on afterwards
        Assert.Equal(GCLatencyMode.NoGCRegion, modeWhileRendering);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public async Task Should_EndTheRegion_When_AWriterFails()
    {
        // Given a writer that fails
        using var output = new ScratchDirectory();
        var failing = new Mock<IReportWriter>();
        failing.SetupGet(w => w.FileName).Returns("report.html");
        failing.Setup(w => w.WriteAsync(It.IsAny<ScanResult>(), It.IsAny<Stream>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ReportException("html/report.hbs", "rendering failed"));

        // When the reports are written
        await Assert.ThrowsAsync<ReportException>(() => ReportFileWriter.WriteAllAsync([failing.Object], ReportTestData.Create(), output.Path, CancellationToken.None));

        // Then collections are back on
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Should_GoOnWithCollections_When_ASecondRegionIsAskedFor()
    {
        // Given an open region (two scans rendering at once in one process, as tests do)
        using var first = GcFreeRegion.Enter(GcFreeRegion.MinimumBytes);
        Assert.True(first.Entered);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        // When another is asked for, the runtime refuses it and ends the open one too
        using (var second = GcFreeRegion.Enter(GcFreeRegion.MinimumBytes))
        {
            Assert.False(second.Entered);
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        // Then disposing of the first, whose region is gone, is harmless, and collections are on
        first.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Should_GoOnWithCollections_When_TheRegionIsExceededOrRefused()
    {
        // Given a small region, exceeded by far
        var region = GcFreeRegion.Enter(GcFreeRegion.MinimumBytes);
        Assert.True(region.Entered);
        var garbage = 0L;
        for (var i = 0; i < 64; i++)
        {
            garbage += new byte[1 << 20].Length;
        }

        // Then ending it does not throw, and collections are back on
        region.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.Equal(64L << 20, garbage);

        // And a budget the runtime cannot set aside is refused, not thrown
        using var refused = GcFreeRegion.Enter(long.MaxValue);
        Assert.False(refused.Entered);
    }

    [Theory]
    [InlineData(0, GcFreeRegion.MinimumBytes)]
    [InlineData(10_000, GcFreeRegion.MinimumBytes + (10_000 * GcFreeRegion.BytesPerFinding))]
    [InlineData(367_988, GcFreeRegion.MinimumBytes + (367_988 * GcFreeRegion.BytesPerFinding))]
    [InlineData(10_000_000, GcFreeRegion.MaximumBytes)]
    public void Should_SizeTheBudgetByFindings_WithinItsBounds(int findings, long expected)
    {
        Assert.Equal(expected, GcFreeRegion.BudgetFor(findings));
    }
}
