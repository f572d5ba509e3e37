using SgAudit.Collectors;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Collectors;

public sealed class EmbeddedEmulatorTests
{
    [Fact]
    public async Task Should_CollectTheSameInventory_When_PagesAreAsSmallAsEc2Allows()
    {
        // Given the demo account, whose regions hold more than five of most resources
        var document = ModelSource.LoadDemo().Document;

        // When it is collected with EC2's smallest page and with its largest
        var small = await new InventoryCollector(new CollectionOptions { PageSize = PageRequest.Minimum }).CollectAsync(new EmbeddedEmulator(document).Accounts, CancellationToken.None);
        var large = await new InventoryCollector(new CollectionOptions { PageSize = PageRequest.Maximum }).CollectAsync(new EmbeddedEmulator(document).Accounts, CancellationToken.None);

        // Then paging loses and repeats nothing, and order is kept
        Assert.True(small.Regions.Max(r => r.SecurityGroups.Length) > PageRequest.Minimum, "the test needs more groups than one page");
        Assert.Equal(Summary(large), Summary(small));
    }

    [Fact]
    public async Task Should_ServeEveryItemOnce_When_FollowingNextToken()
    {
        var document = ModelSource.LoadDemo().Document;
        var api = new EmbeddedEmulator(document).Accounts[0].Api;
        var region = document.Accounts[0].Regions[0];

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await api.DescribeSecurityGroupsAsync(region.Name!, new PageRequest(5, token), CancellationToken.None);
            Assert.True(page.Items.Length <= 5);
            ids.AddRange(page.Items.Select(g => g.GroupId!));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(region.SecurityGroups!.Select(g => g.GroupId!), ids);
        Assert.Equal((region.SecurityGroups!.Count + 4) / 5, pages);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1001)]
    public async Task Should_RejectMaxResults_When_OutsideEc2sRange(int maxResults)
    {
        var api = new EmbeddedEmulator(ModelSource.LoadDemo().Document).Accounts[0].Api;

        var error = await Assert.ThrowsAsync<AwsApiException>(() => api.DescribeSecurityGroupsAsync("us-east-1", new PageRequest(maxResults), CancellationToken.None));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("c2dhdWRpdC1lbXVsYXRvcjpuZXR3b3JrLWFjbHM6MA==")] // a valid token of another listing
    public async Task Should_RejectTheToken_When_ItIsNotOneTheEmulatorIssued(string token)
    {
        var api = new EmbeddedEmulator(ModelSource.LoadDemo().Document).Accounts[0].Api;

        var error = await Assert.ThrowsAsync<AwsApiException>(() => api.DescribeSecurityGroupsAsync("us-east-1", new PageRequest(5, token), CancellationToken.None));

        Assert.Equal("InvalidNextToken", error.ErrorCode);
    }

    [Fact]
    public async Task Should_ReportTheRegionNotAssessed_When_TheModelMarksItUnreadable()
    {
        // Given a second region that answers UnauthorizedOperation
        var inventory = await CollectYamlAsync("""
            accounts:
              - id: "111122223333"
                regions:
                  - name: us-east-1
                    SecurityGroups: []
                    NetworkInterfaces: []
                    NetworkAcls: []
                  - name: eu-west-1
                    error:
                      code: UnauthorizedOperation
                      message: You are not authorized to perform this operation.
            """);

        // Then the readable region is collected and the other is not assessed, with its code; it is not an empty region
        Assert.Equal(["us-east-1"], inventory.Regions.Select(r => r.Region));
        var scope = Assert.Single(inventory.NotAssessed);
        Assert.Equal(("111122223333", "eu-west-1", "UnauthorizedOperation"), (scope.AccountId, scope.Region, scope.ErrorCode));
        Assert.Equal("You are not authorized to perform this operation.", scope.Message);
    }

    [Fact]
    public async Task Should_MarkThePartMissing_When_TheModelLeavesAListOut()
    {
        var inventory = await CollectYamlAsync("""
            accounts:
              - id: "111122223333"
                regions:
                  - name: us-east-1
                    SecurityGroups: []
            """);

        var region = Assert.Single(inventory.Regions);
        Assert.Equal([InventoryPart.Vpcs, InventoryPart.NetworkInterfaces, InventoryPart.NetworkAcls], region.MissingParts.ToArray());
    }

    private static Task<Inventory> CollectYamlAsync(string yaml) =>
        new InventoryCollector(new CollectionOptions()).CollectAsync(new EmbeddedEmulator(ModelFileReader.Read("model.yaml", System.Text.Encoding.UTF8.GetBytes(yaml))).Accounts, CancellationToken.None);

    private static List<string> Summary(Inventory inventory) =>
        [.. inventory.Regions.SelectMany(r => new[]
        {
            $"{r.AccountId}/{r.Region}",
            "vpcs:" + string.Join(",", r.Vpcs.Select(v => v.Id)),
            "groups:" + string.Join(",", r.SecurityGroups.Select(g => $"{g.Id}:{g.Ingress.Length}:{g.Egress.Length}")),
            "enis:" + string.Join(",", r.NetworkInterfaces.Select(e => $"{e.Id}:{string.Join("+", e.GroupIds)}")),
            "acls:" + string.Join(",", r.NetworkAcls.Select(a => $"{a.Id}:{a.Entries.Length}")),
        })];
}
