using System.Net;
using System.Web;
using SgAudit.Collectors;

namespace SgAudit.Tests.Aws;

public sealed class Ec2QueryClientPagingTests
{
    [Fact]
    public async Task Should_CollectEveryPage_When_Ec2AnswersWithNextToken()
    {
        // Given an EC2 that pages the groups (moto never does)
        var server = new FakeAwsServer()
            .Answer("DescribeSecurityGroups", body => HttpUtility.ParseQueryString(body)["NextToken"] switch
            {
                null => (HttpStatusCode.OK, AwsSamples.RealSecurityGroupsPage),
                "eyJ2IjoiMiIsImMiOiJ+page/2=" => (HttpStatusCode.OK, AwsSamples.MotoSecurityGroups),
                var other => (HttpStatusCode.BadRequest, $"<Response><Errors><Error><Code>InvalidNextToken</Code><Message>{other}</Message></Error></Errors></Response>"),
            })
            .Answer("DescribeVpcs", AwsSamples.MotoVpcs)
            .Answer("DescribeNetworkInterfaces", AwsSamples.RealNetworkInterfaces)
            .Answer("DescribeNetworkAcls", AwsSamples.RealNetworkAcls);
        using var clients = new AwsTestClients(server);

        // When the collector reads the region
        var inventory = await new InventoryCollector(new CollectionOptions { Regions = ["eu-west-1"], PageSize = 1000 })
            .CollectAsync([new AccountTarget("111122223333", clients.Ec2)], CancellationToken.None);

        // Then both pages' groups are there, in order, and the token was sent back verbatim
        var region = Assert.Single(inventory.Regions);
        Assert.Equal(["sg-1a2b3c4d", "sg-0796e0c29fe5b1c00", "sg-8acfb6e5b410a1be0"], region.SecurityGroups.Select(g => g.Id));
        Assert.Equal(2, region.NetworkInterfaces.Length);
        Assert.Single(region.NetworkAcls);
        Assert.Contains(server.Requests, r => r.Body == "Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=1000&NextToken=eyJ2IjoiMiIsImMiOiJ%2Bpage%2F2%3D");
    }
}
