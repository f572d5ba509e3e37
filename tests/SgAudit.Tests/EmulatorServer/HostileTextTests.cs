using System.Net;
using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Collectors.Models;

namespace SgAudit.Tests.EmulatorServer;

public sealed class HostileTextTests
{
    /// <summary>Markup, a CDATA terminator, quotes, whitespace controls (kept) and other controls (not representable in XML 1.0).</summary>
    internal const string Hostile = "<script>alert('x')</script> & \"q\" ]]> <![CDATA[ &amp; \t tab\nline\r\nend \u0001\u001F\uFFFE é 😀";

    /// <summary>What an XML 1.0 client reads back: U+0001, U+001F and U+FFFE become U+FFFD, everything else is exact.</summary>
    internal const string HostileAsRead = "<script>alert('x')</script> & \"q\" ]]> <![CDATA[ &amp; \t tab\nline\r\nend \uFFFD\uFFFD\uFFFD é 😀";

    [Fact]
    public async Task Should_RoundTripMarkupQuotesAndWhitespace_When_TheModelHoldsHostileText()
    {
        // Given a group whose every text member is hostile
        await using var server = await ServedEmulator.StartAsync(HostileModel());

        // When it is read back through an XML parser
        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeSecurityGroups");

        // Then every character comes back but those XML 1.0 cannot carry
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var group = Assert.Single(Ec2XmlShapeReader.SecurityGroups(answer.Root)!);
        Assert.Equal(HostileAsRead, group.GroupName);
        Assert.Equal(HostileAsRead, group.Description);
        Assert.Equal(HostileAsRead, group.Tags![0].Key);
        Assert.Equal(HostileAsRead, group.Tags[0].Value);
        Assert.Equal(HostileAsRead, group.IpPermissions![0].IpRanges![0].Description);
        Assert.DoesNotContain("<script>", answer.Body, StringComparison.Ordinal);
    }

    internal static ModelDocument HostileModel() => new()
    {
        Accounts =
        [
            new ModelAccount
            {
                Id = "111122223333",
                Regions =
                [
                    new ModelRegion
                    {
                        Name = "us-east-1",
                        SecurityGroups =
                        [
                            new SecurityGroupShape
                            {
                                GroupId = "sg-0123456789abcdef0",
                                GroupName = Hostile,
                                Description = Hostile,
                                VpcId = "vpc-1",
                                OwnerId = "111122223333",
                                Tags = [new TagShape { Key = Hostile, Value = Hostile }],
                                IpPermissions = [new IpPermissionShape { IpProtocol = "tcp", FromPort = 22, ToPort = 22, IpRanges = [new IpRangeShape { CidrIp = "0.0.0.0/0", Description = Hostile }] }],
                                IpPermissionsEgress = [],
                            },
                        ],
                    },
                ],
            },
        ],
    };
}
