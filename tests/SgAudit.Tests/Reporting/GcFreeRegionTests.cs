using System.Collections.Frozen;
using System.Runtime;
using Moq;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
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

        // And a budget the runtime rejects is refused, not thrown. (Not one larger than the machine's memory: the
        // runtime refuses that too, but only after committing tens of GB, which the test process would then keep.)
        using var refused = GcFreeRegion.Enter(0);
        Assert.False(refused.Entered);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Theory]
    [InlineData(0, GcFreeRegion.MinimumBytes)]
    [InlineData(10_000, GcFreeRegion.MinimumBytes + (10_000 * ReportFileWriter.RenderBytesPerFinding))]
    [InlineData(367_988, GcFreeRegion.MinimumBytes + (367_988 * ReportFileWriter.RenderBytesPerFinding))]
    [InlineData(10_000_000, GcFreeRegion.MaximumBytes)]
    public void Should_SizeTheBudgetByItems_WithinItsBounds(int findings, long expected)
    {
        Assert.Equal(expected, GcFreeRegion.Budget(findings, ReportFileWriter.RenderBytesPerFinding));
    }

    [Theory]
    [InlineData(RuleEngine.PermissionsForGcFreeEvaluation, GCLatencyMode.NoGCRegion)]
    [InlineData(RuleEngine.PermissionsForGcFreeEvaluation - 1, null)]
    public void Should_EvaluateALargeInventoryWithoutCollections_AndASmallOneAsUsual(long permissions, GCLatencyMode? expected)
    {
        // Given an inventory of that many permissions, and a rule that notes the GC mode it runs in
        var modes = new System.Collections.Concurrent.ConcurrentBag<GCLatencyMode>();
        var noting = new Mock<IRuleEvaluator>();
        noting.SetupGet(e => e.Family).Returns("noting");
        noting.SetupGet(e => e.ResourceKind).Returns(ResourceKind.SecurityGroup);
        noting.SetupGet(e => e.RequiredParts).Returns([InventoryPart.SecurityGroups]);
        noting.Setup(e => e.Evaluate(It.IsAny<RegionContext>(), It.IsAny<RuleParameters>())).Returns((RegionContext region, RuleParameters _) =>
        {
            modes.Add(GCSettings.LatencyMode);
            return region.Inventory.SecurityGroups.Select(g => ResourceVerdict.For(g, []));
        });
        var permission = new Permission(Direction.Ingress, IpProtocol.Tcp, []) { Ports = new PortRange(443, 443) };
        var groups = Enumerable.Range(0, (int)((permissions + 9) / 10))
            .Select(i => new SecurityGroup($"sg-{i:x17}", $"group-{i}", "111122223333") { Ingress = [.. Enumerable.Repeat(permission, (int)Math.Min(10, permissions - (i * 10L)))] });
        var inventory = new Inventory([new RegionInventory("111122223333", "us-east-1") { SecurityGroups = [.. groups] }], []);
        var rule = new ResolvedRule(new RuleDefinition("TST001", "test", "Test", Severity.Low, ResourceKind.SecurityGroup, "noting"), RuleParameters.None);
        var engine = new RuleEngine(new Dictionary<string, IRuleEvaluator> { ["noting"] = noting.Object }.ToFrozenDictionary());

        // (the tests before may leave a heap that needs a full collection to make room, which the engine never forces)
        GC.Collect();
        GC.WaitForPendingFinalizers();

        // When
        engine.Evaluate(RuleCatalogLoader.BuiltIn, inventory, [rule]);

        // Then every slice ran in the mode expected, and collections are back on afterwards
        Assert.Equal(inventory.Regions[0].SecurityGroups.Sum(g => g.Ingress.Length), permissions);
        Assert.NotEmpty(modes);
        Assert.All(modes, mode => Assert.Equal(expected ?? GCSettings.LatencyMode, mode));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
