using System.Net;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Model;

/// <summary>Rules skip permissions by their source summary (world, group reference, widest CIDR), so it must follow the sources however they are set.</summary>
public sealed class PermissionTests
{
    private static readonly CidrSource World4 = new(IPNetwork.Parse("0.0.0.0/0"));
    private static readonly CidrSource World6 = new(IPNetwork.Parse("::/0"));
    private static readonly CidrSource Private4 = new(IPNetwork.Parse("10.0.0.0/8"));
    private static readonly GroupReferenceSource Group = new("sg-0123456789abcdef0");

    [Theory]
    [InlineData(new[] { "private" }, false, false)]
    [InlineData(new[] { "world4" }, true, false)]
    [InlineData(new[] { "world6" }, false, true)]
    [InlineData(new[] { "group", "private", "world6", "world4" }, true, true)]
    [InlineData(new string[0], false, false)]
    public void Should_FlagWorldSourcesByFamily(string[] sources, bool ipv4, bool ipv6)
    {
        var permission = new Permission(Direction.Ingress, IpProtocol.Tcp, [.. sources.Select(Source)]);

        Assert.Equal((ipv4, ipv6), (permission.HasWorldIPv4Source, permission.HasWorldIPv6Source));
    }

    [Theory]
    [InlineData(new[] { "private" }, false, 8, 129)]
    [InlineData(new[] { "group" }, true, 33, 129)]
    [InlineData(new[] { "world4", "world6" }, false, 33, 129)]
    [InlineData(new[] { "narrow4", "group", "private", "world4", "narrow6", "wide6" }, true, 8, 3)]
    [InlineData(new string[0], false, 33, 129)]
    public void Should_SummariseGroupReferencesAndTheWidestNonWorldCidrs(string[] sources, bool groupReference, int widestIPv4, int widestIPv6)
    {
        var permission = new Permission(Direction.Ingress, IpProtocol.Tcp, [.. sources.Select(Source)]);

        Assert.Equal((groupReference, widestIPv4, widestIPv6), (permission.HasGroupReferenceSource, permission.WidestIPv4SourcePrefix, permission.WidestIPv6SourcePrefix));
    }

    [Fact]
    public void Should_RecomputeTheFlags_When_SourcesAreReplacedWithWith()
    {
        var closed = new Permission(Direction.Ingress, IpProtocol.Tcp, [Private4]);
        var opened = closed with { Sources = [World4] };
        var closedAgain = opened with { Sources = [Private4, World6] };

        Assert.False(closed.HasWorldIPv4Source);
        Assert.True(opened.HasWorldIPv4Source);
        Assert.False(closedAgain.HasWorldIPv4Source);
        Assert.True(closedAgain.HasWorldIPv6Source);
        Assert.Equal((false, 8), (closedAgain.HasGroupReferenceSource, closedAgain.WidestIPv4SourcePrefix));
        Assert.Equal((true, 33), ((closedAgain with { Sources = [Group] }).HasGroupReferenceSource, (closedAgain with { Sources = [Group] }).WidestIPv4SourcePrefix));
    }

    [Fact]
    public void Should_ClassifyTheNetwork_When_ACidrSourceIsCopiedWithAnotherNetwork()
    {
        var world = World4 with { Network = IPNetwork.Parse("::/0") };
        var narrowed = World4 with { Network = IPNetwork.Parse("192.0.2.0/24") };

        Assert.True(world.IsWorld);
        Assert.True(world.IsIPv6);
        Assert.False(narrowed.IsWorld);
        Assert.False(narrowed.IsIPv6);
        Assert.Equal("192.0.2.0/24", narrowed.DisplayText);
    }

    private static TrafficSource Source(string name) => name switch
    {
        "world4" => World4,
        "world6" => World6,
        "private" => Private4,
        "narrow4" => new CidrSource(IPNetwork.Parse("192.0.2.0/24")),
        "narrow6" => new CidrSource(IPNetwork.Parse("2001:db8::/32")),
        "wide6" => new CidrSource(IPNetwork.Parse("2000::/3")),
        _ => Group,
    };
}
