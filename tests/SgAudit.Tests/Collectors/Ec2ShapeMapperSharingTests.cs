using System.Runtime.InteropServices;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Collectors;

/// <summary>
/// The mapper shares one source object per (CIDR, description) and one sources array per shared one-source
/// permission. Sharing must never change what a permission says: descriptions stay their own, families stay apart,
/// order and errors are as before.
/// </summary>
public sealed class Ec2ShapeMapperSharingTests
{
    [Fact]
    public void Should_ShareTheSourceAndItsArray_When_PermissionsNameTheSameCidrAndDescription()
    {
        var first = Map(Group("sg-1", Ingress(Ranges(("10.0.0.0/8", "office")))));
        var second = Map(Group("sg-2", Ingress(Ranges(("10.0.0.0/8", "office")))));

        Assert.Same(first.Ingress[0].Sources[0], second.Ingress[0].Sources[0]);
        Assert.Same(ImmutableCollectionsMarshal.AsArray(first.Ingress[0].Sources), ImmutableCollectionsMarshal.AsArray(second.Ingress[0].Sources));
        Assert.Equal("office", Assert.IsType<CidrSource>(second.Ingress[0].Sources[0]).Description);
    }

    [Fact]
    public void Should_KeepEachDescription_When_TheSameCidrIsDescribedDifferently()
    {
        var group = Map(Group("sg-1", Ingress(Ranges(("10.0.0.0/8", "office"))), Ingress(Ranges(("10.0.0.0/8", "vpn"))), Ingress(Ranges(("10.0.0.0/8", null)))));

        Assert.Equal(["office", "vpn", null], group.Ingress.Select(p => p.Sources[0].Description));
        Assert.Equal(3, group.Ingress.Select(p => p.Sources[0]).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void Should_KeepEverySourceInOrder_When_APermissionHasSeveral()
    {
        var shared = Map(Group("sg-1", Ingress(Ranges(("10.0.0.0/8", null))))).Ingress[0].Sources[0];
        var permission = new IpPermissionShape
        {
            IpProtocol = "tcp",
            FromPort = 22,
            ToPort = 22,
            IpRanges = [new IpRangeShape { CidrIp = "192.168.0.0/16" }, new IpRangeShape { CidrIp = "10.0.0.0/8" }],
            Ipv6Ranges = [new Ipv6RangeShape { CidrIpv6 = "::/0" }],
            UserIdGroupPairs = [new UserIdGroupPairShape { GroupId = "sg-9", UserId = "111122223333" }],
        };

        var sources = Map(Group("sg-2", permission)).Ingress[0].Sources;

        Assert.Equal(["192.168.0.0/16", "10.0.0.0/8", "::/0", "111122223333/sg-9"], sources.Select(s => s.DisplayText));
        Assert.Same(shared, sources[1]);
        Assert.True(((CidrSource)sources[2]).IsWorld && ((CidrSource)sources[2]).IsIPv6);
    }

    [Fact]
    public void Should_StillRejectACidrOfTheOtherFamily_When_ItsTextWasMappedBefore()
    {
        _ = Map(Group("sg-1", Ingress(Ranges(("10.0.0.0/8", null)))));
        var wrongFamily = new IpPermissionShape { IpProtocol = "-1", Ipv6Ranges = [new Ipv6RangeShape { CidrIpv6 = "10.0.0.0/8" }] };

        var error = Assert.Throws<ShapeException>(() => Map(Group("sg-2", Ingress(Ranges(("10.0.0.0/8", null))), wrongFamily)));

        Assert.Equal("IpPermissions[1].Ipv6Ranges[0].CidrIpv6", error.Path);
    }

    [Fact]
    public void Should_NameTheBadCidr_When_ItFollowsSharedOnes()
    {
        var error = Assert.Throws<ShapeException>(() => Map(Group("sg-1", Ingress(Ranges(("10.0.0.0/8", null), ("10.0.0.300/8", null))))));

        Assert.Equal("IpPermissions[0].IpRanges[1].CidrIp", error.Path);
    }

    private static SecurityGroup Map(SecurityGroupShape shape) => Ec2ShapeMapper.Map(shape, "111122223333");

    private static SecurityGroupShape Group(string id, params IpPermissionShape[] ingress) =>
        new() { GroupId = id, GroupName = id, VpcId = "vpc-1", IpPermissions = [.. ingress] };

    private static IpPermissionShape Ingress(List<IpRangeShape> ranges) => new() { IpProtocol = "tcp", FromPort = 443, ToPort = 443, IpRanges = ranges };

    private static List<IpRangeShape> Ranges(params (string Cidr, string? Description)[] ranges) =>
        [.. ranges.Select(r => new IpRangeShape { CidrIp = r.Cidr, Description = r.Description })];
}
