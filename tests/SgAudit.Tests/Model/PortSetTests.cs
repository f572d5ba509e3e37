using SgAudit.Core.Model;

namespace SgAudit.Tests.Model;

/// <summary>The port-list value: coverage questions on merged items, text as listed.</summary>
public sealed class PortSetTests
{
    private static readonly PortSet WebPorts = PortSet.Of(80, 443);

    [Theory]
    [InlineData(443, 443, true)]
    [InlineData(80, 80, true)]
    [InlineData(80, 443, false)]
    [InlineData(444, 444, false)]
    [InlineData(0, 65535, false)]
    public void Should_KnowWhetherARangeIsAuthorized_When_AskedContainsAll(int from, int to, bool expected)
    {
        // Given 80 and 443

        // When
        var contained = WebPorts.ContainsAll(new PortRange(from, to));

        // Then
        Assert.Equal(expected, contained);
    }

    [Fact]
    public void Should_ContainARangeSpanningAdjacentItems_When_ItemsTouch()
    {
        // Given 80, 81 and "82-90" listed separately
        var set = PortSet.Of([new PortRange(82, 90), new PortRange(80, 80), new PortRange(81, 81)]);

        // When / Then the items are sorted for display and merged for coverage
        Assert.True(set.ContainsAll(new PortRange(80, 90)));
        Assert.False(set.ContainsAll(new PortRange(80, 91)));
        Assert.Equal("80, 81, 82-90", set.ToString());
        Assert.Equal(PortSet.Of([new PortRange(80, 90)]), set);
    }

    [Theory]
    [InlineData(0, 65535, "0-79, 81-442, 444-65535")]
    [InlineData(80, 443, "81-442")]
    [InlineData(22, 22, "22")]
    [InlineData(443, 500, "444-500")]
    [InlineData(1, 80, "1-79")]
    public void Should_ListTheUncoveredPorts_When_AskedOutside(int from, int to, string expected)
    {
        // Given 80 and 443

        // When
        var outside = WebPorts.Outside(new PortRange(from, to));

        // Then
        Assert.Equal(expected, PortSet.Describe(outside));
    }

    [Fact]
    public void Should_ReturnTheWholeRange_When_TheSetIsEmpty()
    {
        Assert.Equal("0-65535", PortSet.Describe(PortSet.Empty.Outside(PortRange.Everything)));
        Assert.False(PortSet.Empty.ContainsAll(new PortRange(53, 53)));
        Assert.Equal("", PortSet.Empty.ToString());
    }

    [Fact]
    public void Should_ClipItemsToTheRange_When_AskedWithin()
    {
        // Given 22, 3389 and 8000-8999
        var set = PortSet.Of([new PortRange(22, 22), new PortRange(3389, 3389), new PortRange(8000, 8999)]);

        // When
        var within = set.Within(new PortRange(3000, 8080));

        // Then
        Assert.Equal("3389, 8000-8080", PortSet.Describe(within));
        Assert.True(set.Overlaps(new PortRange(8999, 9000)));
        Assert.False(set.Overlaps(new PortRange(23, 3388)));
    }

    [Fact]
    public void Should_Throw_When_ItemsOverlap()
    {
        Assert.Throws<ArgumentException>(() => PortSet.Of([new PortRange(20, 25), new PortRange(22, 22)]));
    }
}
