using System.Net;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Model;

/// <summary>Which CIDRs reach globally routable addresses: outside the non-global IPv4 blocks, inside 2000::/3.</summary>
public sealed class PublicAddressSpaceTests
{
    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("0.0.0.0/1", true)]
    [InlineData("128.0.0.0/1", true)]
    [InlineData("10.0.0.0/7", true)]
    [InlineData("11.0.0.0/8", true)]
    [InlineData("192.0.2.0/24", true)]
    [InlineData("198.16.0.0/14", true)]
    [InlineData("0.0.0.0/7", true)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("172.16.0.0/12", false)]
    [InlineData("192.168.0.0/16", false)]
    [InlineData("100.64.0.0/10", false)]
    [InlineData("127.0.0.0/8", false)]
    [InlineData("169.254.0.0/16", false)]
    [InlineData("192.0.0.0/24", false)]
    [InlineData("198.18.0.0/15", false)]
    [InlineData("224.0.0.0/3", false)]
    [InlineData("224.0.0.0/4", false)]
    [InlineData("240.0.0.0/4", false)]
    [InlineData("255.255.255.255/32", false)]
    [InlineData("0.0.0.0/8", false)]
    [InlineData("192.0.0.0/23", true)]
    public void Should_TellPublicIPv4Blocks_When_ACidrIsChecked(string cidr, bool expected)
    {
        Assert.Equal(expected, PublicAddressSpace.Overlaps(IPNetwork.Parse(cidr)));
    }

    [Theory]
    [InlineData("::/0", true)]
    [InlineData("::/1", true)]
    [InlineData("2000::/3", true)]
    [InlineData("2600::/15", true)]
    [InlineData("3fff:ffff::/32", true)]
    [InlineData("::/3", false)]
    [InlineData("4000::/2", false)]
    [InlineData("fc00::/7", false)]
    [InlineData("fe80::/10", false)]
    [InlineData("ff00::/8", false)]
    [InlineData("8000::/1", false)]
    public void Should_TellGlobalUnicastIPv6Blocks_When_ACidrIsChecked(string cidr, bool expected)
    {
        Assert.Equal(expected, PublicAddressSpace.Overlaps(IPNetwork.Parse(cidr)));
    }
}
