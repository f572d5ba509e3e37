using System.Collections.Immutable;
using System.Net;
using System.Xml.Linq;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;

namespace SgAudit.Tests.EmulatorServer;

public sealed class Ec2QueryTests
{
    private const string Ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public async Task Should_AnswerWhatTheInProcessEmulatorAnswers_For_EveryDescribeCallInEveryAccountAndRegion()
    {
        // Given the demo model served over HTTP
        var model = ModelSource.LoadDemo().Document;
        await using var server = await ServedEmulator.StartAsync(model);
        var compared = 0;

        foreach (var account in model.Accounts)
        {
            // An STS-issued key acts in its account; the first account is also reached with any other key
            var accessKey = AssumedRoleAccessKey.Create(account.Id!, 1);
            var api = new EmulatedEc2Api(account);

            var regions = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeRegions", accessKey);
            ShapeComparison.Equal((await api.DescribeRegionsAsync(CancellationToken.None)).ToList(), Ec2XmlShapeReader.Regions(regions.Root));

            foreach (var region in account.Regions.Select(r => r.Name!))
            {
                // When each Describe call is made without MaxResults, Then the XML read back equals every item in process
                ShapeComparison.Equal(await AllAsync(p => api.DescribeVpcsAsync(region, p, CancellationToken.None)), Ec2XmlShapeReader.Vpcs(await OkAsync(server.Endpoint, region, "DescribeVpcs", accessKey)));
                ShapeComparison.Equal(await AllAsync(p => api.DescribeSecurityGroupsAsync(region, p, CancellationToken.None)), Ec2XmlShapeReader.SecurityGroups(await OkAsync(server.Endpoint, region, "DescribeSecurityGroups", accessKey)));
                ShapeComparison.Equal(await AllAsync(p => api.DescribeNetworkInterfacesAsync(region, p, CancellationToken.None)), Ec2XmlShapeReader.NetworkInterfaces(await OkAsync(server.Endpoint, region, "DescribeNetworkInterfaces", accessKey)));
                ShapeComparison.Equal(await AllAsync(p => api.DescribeNetworkAclsAsync(region, p, CancellationToken.None)), Ec2XmlShapeReader.NetworkAcls(await OkAsync(server.Endpoint, region, "DescribeNetworkAcls", accessKey)));
                compared += 4;
            }
        }

        Assert.Equal(12, compared);
        Assert.Equal(3, server.RequestCounts["DescribeSecurityGroups"]);
        Assert.Equal(2, server.RequestCounts["DescribeRegions"]);
    }

    [Fact]
    public async Task Should_ServeTheModelsFirstAccount_When_TheAccessKeyIsNotOneItsStsIssued()
    {
        var model = ModelSource.LoadDemo().Document;
        await using var server = await ServedEmulator.StartAsync(model);

        var groups = Ec2XmlShapeReader.SecurityGroups(await OkAsync(server.Endpoint, "us-east-1", "DescribeSecurityGroups", "AKIAIOSFODNN7EXAMPLE"));

        ShapeComparison.Equal(model.Accounts[0].Regions.Single(r => r.Name == "us-east-1").SecurityGroups, groups);
    }

    [Fact]
    public async Task Should_ServeEveryItemExactlyOnce_When_FollowingNextTokenWithTheSmallestPage()
    {
        // Given the demo account's us-east-1, which has more than five of each resource
        var model = ModelSource.LoadDemo().Document;
        var expected = model.Accounts[0].Regions.Single(r => r.Name == "us-east-1");
        await using var server = await ServedEmulator.StartAsync(model);

        // When every listing is followed page by page with MaxResults=5
        var groups = await PagesAsync(server.Endpoint, "DescribeSecurityGroups", Ec2XmlShapeReader.SecurityGroups);
        var interfaces = await PagesAsync(server.Endpoint, "DescribeNetworkInterfaces", Ec2XmlShapeReader.NetworkInterfaces);
        var acls = await PagesAsync(server.Endpoint, "DescribeNetworkAcls", Ec2XmlShapeReader.NetworkAcls);
        var vpcs = await PagesAsync(server.Endpoint, "DescribeVpcs", Ec2XmlShapeReader.Vpcs);

        // Then each item comes once, in order, in as many pages as five per page needs
        Assert.True(expected.SecurityGroups!.Count > 10, "the test needs several pages of groups");
        Assert.Equal(expected.SecurityGroups!.Select(g => g.GroupId), groups.Items.Select(g => g.GroupId));
        Assert.Equal((expected.SecurityGroups.Count + 4) / 5, groups.Pages);
        ShapeComparison.Equal(expected.SecurityGroups, groups.Items);
        ShapeComparison.Equal(expected.NetworkInterfaces, interfaces.Items);
        ShapeComparison.Equal(expected.NetworkAcls, acls.Items);
        ShapeComparison.Equal(expected.Vpcs, vpcs.Items);
        Assert.Equal(groups.Pages, server.RequestCounts["DescribeSecurityGroups"]);
    }

    [Fact]
    public async Task Should_AnswerTheSameTokenAsTheInProcessEmulator_When_APageIsNotTheLast()
    {
        var model = ModelSource.LoadDemo().Document;
        await using var server = await ServedEmulator.StartAsync(model);
        var inProcess = await new EmulatedEc2Api(model.Accounts[0]).DescribeSecurityGroupsAsync("us-east-1", new PageRequest(5), CancellationToken.None);

        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeSecurityGroups", parameters: ("MaxResults", "5"));

        Assert.Equal(inProcess.NextToken, Ec2XmlShapeReader.Text(answer.Root, "nextToken"));
        Assert.Equal(5, Ec2XmlShapeReader.SecurityGroups(answer.Root)!.Count);
    }

    [Fact]
    public async Task Should_AnswerEc2sXmlEnvelope_When_ACallSucceeds()
    {
        await using var server = await ServedEmulator.StartDemoAsync();

        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "eu-west-1", "DescribeVpcs", parameters: ("DryRun", "false"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(XName.Get("DescribeVpcsResponse", Ec2Namespace), answer.Root.Name);
        Assert.Equal(answer.RequestIdHeader, answer.Root.Element(XName.Get("requestId", Ec2Namespace))!.Value);
        Assert.Equal("vpc-05aa0b1363bcd3d2c", Ec2XmlShapeReader.Vpcs(answer.Root)!.Single().VpcId);
        Assert.Null(Ec2XmlShapeReader.Text(answer.Root, "nextToken"));
    }

    [Fact]
    public async Task Should_ReadTheQueryString_When_TheRequestIsAGet()
    {
        await using var server = await ServedEmulator.StartDemoAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Endpoint, "?Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=5"));
        request.Headers.TryAddWithoutValidation("Authorization", EmulatorHttp.Authorization("testing", "us-east-1", "ec2"));

        var answer = await EmulatorHttp.SendQueryAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(5, Ec2XmlShapeReader.SecurityGroups(answer.Root)!.Count);
    }

    [Fact]
    public async Task Should_BindLoopbackOnAFreePort_When_AskedForPortZero()
    {
        await using var server = await ServedEmulator.StartDemoAsync();

        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.NotEqual(0, server.Endpoint.Port);
        Assert.Equal("/", server.Endpoint.AbsolutePath);
    }

    [Theory]
    [InlineData("DescribeInstances", "InvalidAction", HttpStatusCode.BadRequest)]
    [InlineData("", "MissingAction", HttpStatusCode.BadRequest)]
    public async Task Should_AnswerEc2sErrorXml_When_TheActionIsNotServed(string action, string code, HttpStatusCode status)
    {
        await using var server = await ServedEmulator.StartDemoAsync();

        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", action);

        Assert.Equal(status, answer.Status);
        AssertEc2Error(answer, code);
    }

    [Theory]
    [InlineData("DescribeSecurityGroups", "4", null, "InvalidParameterValue", HttpStatusCode.BadRequest)]
    [InlineData("DescribeSecurityGroups", "1001", null, "InvalidParameterValue", HttpStatusCode.BadRequest)]
    [InlineData("DescribeSecurityGroups", "many", null, "InvalidParameterValue", HttpStatusCode.BadRequest)]
    [InlineData("DescribeVpcs", "5", "not-a-token", "InvalidNextToken", HttpStatusCode.BadRequest)]
    public async Task Should_AnswerEc2sPagingErrors_When_MaxResultsOrNextTokenIsInvalid(string action, string maxResults, string? token, string code, HttpStatusCode status)
    {
        await using var server = await ServedEmulator.StartDemoAsync();
        (string, string)[] parameters = token is null ? [("MaxResults", maxResults)] : [("MaxResults", maxResults), ("NextToken", token)];

        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", action, EmulatorHttp.DefaultAccessKey, parameters);

        Assert.Equal(status, answer.Status);
        AssertEc2Error(answer, code);
    }

    [Fact]
    public async Task Should_AnswerTheModelsErrors_When_AnAccountOrRegionIsUnreadableOrAListIsNotProvided()
    {
        // Given a readable region, an unreadable one, one without security groups, and an unreadable account
        var model = ServedEmulator.Model("""
            accounts:
              - id: "111122223333"
                regions:
                  - name: us-east-1
                    SecurityGroups: []
                  - name: eu-west-1
                    error: {code: UnauthorizedOperation, message: "You are not authorized to perform this operation."}
                  - name: eu-north-1
                    Vpcs: []
              - id: "444455556666"
                error: {code: AuthFailure, message: "AWS was not able to validate the provided access credentials"}
                regions:
                  - name: us-east-1
                    SecurityGroups: []
            """);
        await using var server = await ServedEmulator.StartAsync(model);
        var blockedKey = AssumedRoleAccessKey.Create("444455556666", 7);

        // When each is asked for its security groups
        var readable = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeSecurityGroups");
        var unreadableRegion = await EmulatorHttp.Ec2Async(server.Endpoint, "eu-west-1", "DescribeSecurityGroups");
        var notProvided = await EmulatorHttp.Ec2Async(server.Endpoint, "eu-north-1", "DescribeSecurityGroups");
        var notInModel = await EmulatorHttp.Ec2Async(server.Endpoint, "ap-south-1", "DescribeSecurityGroups");
        var unreadableAccount = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeSecurityGroups", blockedKey);

        // Then each answers as the in-process emulator throws, with EC2's error XML
        Assert.Equal(HttpStatusCode.OK, readable.Status);
        Assert.Empty(Ec2XmlShapeReader.SecurityGroups(readable.Root)!);
        Assert.Equal(HttpStatusCode.Forbidden, unreadableRegion.Status);
        AssertEc2Error(unreadableRegion, "UnauthorizedOperation", "You are not authorized to perform this operation.");
        Assert.Equal(HttpStatusCode.BadRequest, notProvided.Status);
        AssertEc2Error(notProvided, EmulatedEc2Api.NotProvidedCode, "The model does not provide security-groups for eu-north-1.");
        Assert.Equal(HttpStatusCode.Unauthorized, notInModel.Status);
        AssertEc2Error(notInModel, "OptInRequired", "You are not subscribed to region ap-south-1.");
        Assert.Equal(HttpStatusCode.Unauthorized, unreadableAccount.Status); // EC2 (and moto) answer AuthFailure with 401
        AssertEc2Error(unreadableAccount, "AuthFailure", "AWS was not able to validate the provided access credentials");
    }

    internal static void AssertEc2Error(QueryAnswer answer, string code, string? message = null)
    {
        // Real EC2: <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>, no namespace
        Assert.Equal("Response", answer.Root.Name.ToString());
        var error = answer.Root.Element("Errors")!.Element("Error")!;
        Assert.Equal(code, error.Element("Code")!.Value);
        Assert.False(string.IsNullOrEmpty(error.Element("Message")!.Value));
        if (message is not null)
        {
            Assert.Equal(message, error.Element("Message")!.Value);
        }

        Assert.Equal(answer.RequestIdHeader, answer.Root.Element("RequestID")!.Value);
    }

    private static async Task<XElement> OkAsync(Uri endpoint, string region, string action, string accessKey)
    {
        var answer = await EmulatorHttp.Ec2Async(endpoint, region, action, accessKey);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
        Assert.Null(Ec2XmlShapeReader.Text(answer.Root, "nextToken"));
        return answer.Root;
    }

    private static async Task<List<T>> AllAsync<T>(Func<PageRequest, Task<Ec2Page<T>>> describe)
    {
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await describe(new PageRequest(PageRequest.Maximum, token));
            items.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        return items;
    }

    private static async Task<(ImmutableArray<T> Items, int Pages)> PagesAsync<T>(Uri endpoint, string action, Func<XElement, List<T>?> read)
    {
        var items = ImmutableArray.CreateBuilder<T>();
        string? token = null;
        var pages = 0;
        do
        {
            (string, string)[] parameters = token is null ? [("MaxResults", "5")] : [("MaxResults", "5"), ("NextToken", token)];
            var answer = await EmulatorHttp.Ec2Async(endpoint, "us-east-1", action, EmulatorHttp.DefaultAccessKey, parameters);
            Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
            var page = read(answer.Root)!;
            Assert.InRange(page.Count, 1, 5);
            items.AddRange(page);
            token = Ec2XmlShapeReader.Text(answer.Root, "nextToken");
            pages++;
        }
        while (token is not null);

        return (items.ToImmutable(), pages);
    }
}
