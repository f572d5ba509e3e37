using System.Diagnostics;
using System.Net;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Ec2;

namespace SgAudit.Tests.Aws;

public sealed class TransportFaultTests
{
    private static readonly PageRequest FirstPage = new(1000);

    [Fact]
    public async Task Should_ReturnTheCleanPage_When_Ec2ThrottlesTwice()
    {
        // Given EC2 answers 503 RequestLimitExceeded twice
        var (faults, clients) = Setup();
        faults.ThenStatus(HttpStatusCode.ServiceUnavailable, AwsSamples.Ec2ThrottledBody, times: 2);

        // When the groups are read
        var page = await clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None);

        // Then the third attempt's clean answer comes back, and every attempt was counted
        Assert.Equal(["sg-0796e0c29fe5b1c00", "sg-8acfb6e5b410a1be0"], page.Items.Select(g => g.GroupId));
        Assert.Equal(3, faults.Attempts);
        Assert.Equal(3, clients.Counter.Calls["ec2:DescribeSecurityGroups"]);
        Assert.Equal(2, clients.Counter.Retries["ec2:DescribeSecurityGroups"]);
    }

    [Fact]
    public async Task Should_SignEveryAttemptAfresh_When_Retrying()
    {
        var (faults, clients) = Setup();
        var server = (FakeAwsServer)faults.InnerHandler!;
        faults.Then(async (request, ct) =>
        {
            // The fault sees the signed request: record it, then throttle
            await server.RecordOnlyAsync(request, ct);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent(AwsSamples.Ec2ThrottledBody) };
        });

        await clients.Ec2.DescribeSecurityGroupsAsync("eu-west-1", FirstPage, CancellationToken.None);

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Contains("/eu-west-1/ec2/aws4_request", r.Authorization, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal("Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=1000", r.Body));
    }

    [Fact]
    public async Task Should_ReturnTheCleanResult_When_CloudTrailThrottlesWithJson()
    {
        var (faults, clients) = Setup();
        faults.ThenStatus(HttpStatusCode.BadRequest, AwsSamples.CloudTrailThrottledBody, "application/x-amz-json-1.1", times: 2);

        var trails = await clients.CloudTrail.DescribeTrailsAsync("us-east-1", CancellationToken.None);

        Assert.Equal(["org-trail"], trails.Select(t => t.Name));
        Assert.Equal(3, clients.Counter.Calls["cloudtrail:DescribeTrails"]);
    }

    [Fact]
    public async Task Should_ReturnTheCleanPage_When_ServerErrorsAndHtmlPagesComeFirst()
    {
        var (faults, clients) = Setup();
        faults.ThenStatus(HttpStatusCode.InternalServerError, AwsSamples.MotoHtml500, "text/html")
            .ThenStatus(HttpStatusCode.ServiceUnavailable, "")
            .ThenStatus(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");

        var page = await clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None);

        Assert.Equal(2, page.Items.Length);
        Assert.Equal(4, faults.Attempts);
    }

    [Fact]
    public async Task Should_RetryAfterTheAttemptTimeout_When_AnAnswerIsTooSlow()
    {
        var (faults, clients) = Setup();
        faults.ThenHang().ThenHang();

        var page = await clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None);

        Assert.Equal(2, page.Items.Length);
        Assert.Equal(3, faults.Attempts);
    }

    [Fact]
    public async Task Should_ReturnTheCleanPage_When_ConnectionsDropBeforeAndDuringTheBody()
    {
        var (faults, clients) = Setup();
        faults.ThenDropConnection().ThenBreakBody();

        var page = await clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None);

        Assert.Equal(2, page.Items.Length);
        Assert.Equal(3, faults.Attempts);
    }

    [Fact]
    public async Task Should_RetryRatherThanReturnAShortPage_When_TheBodyIsCutOff()
    {
        var (faults, clients) = Setup();
        faults.ThenTruncate(0.6).ThenTruncate(0.99);

        var page = await clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None);
        var trails = await clients.CloudTrail.DescribeTrailsAsync("us-east-1", CancellationToken.None);

        Assert.Equal(2, page.Items.Length);
        Assert.Equal(6, page.Items.Sum(g => g.IpPermissions!.Count));
        Assert.Single(trails);
        Assert.Equal(3, clients.Counter.Calls["ec2:DescribeSecurityGroups"]);
    }

    [Fact]
    public async Task Should_FailWithIncompleteResponse_When_EveryAttemptIsCutOff()
    {
        var (faults, clients) = Setup();
        for (var i = 0; i < 5; i++)
        {
            faults.ThenTruncate(0.5);
        }

        var error = await Assert.ThrowsAsync<AwsApiException>(() => clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None));

        Assert.Equal("IncompleteResponse", error.ErrorCode);
        Assert.Equal(5, faults.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, AwsSamples.Ec2UnauthorizedBody, "UnauthorizedOperation")]
    [InlineData(HttpStatusCode.Unauthorized, """<ErrorResponse><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors></ErrorResponse>""", "AuthFailure")]
    [InlineData(HttpStatusCode.BadRequest, """<Response><Errors><Error><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error></Errors></Response>""", "ExpiredToken")]
    [InlineData(HttpStatusCode.BadRequest, """<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>bad MaxResults</Message></Error></Errors></Response>""", "InvalidParameterValue")]
    [InlineData(HttpStatusCode.ServiceUnavailable, """<Response><Errors><Error><Code>AccessDenied</Code><Message>denied</Message></Error></Errors></Response>""", "AccessDenied")]
    public async Task Should_FailAfterOneCall_When_Ec2RefusesTheRequest(HttpStatusCode status, string body, string code)
    {
        var (faults, clients) = Setup();
        faults.ThenStatus(status, body);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None));

        Assert.Equal((code, (int)status), (error.ErrorCode, error.HttpStatus));
        Assert.Equal(1, faults.Attempts);
        Assert.Empty(clients.Counter.Retries);
        Assert.DoesNotContain(AwsTestClients.SecretKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailAfterOneCall_When_CloudTrailDeniesAccess()
    {
        var (faults, clients) = Setup();
        faults.ThenStatus(HttpStatusCode.BadRequest, """{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:sts::123456789012:assumed-role/x is not authorized"}""", "application/x-amz-json-1.1");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => clients.CloudTrail.GetTrailStatusAsync("us-east-1", "org-trail", CancellationToken.None));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal(1, faults.Attempts);
    }

    [Fact]
    public async Task Should_ReportTheLastError_When_ThrottlingOutlastsTheRetries()
    {
        var (faults, clients) = Setup();
        faults.ThenStatus(HttpStatusCode.ServiceUnavailable, AwsSamples.Ec2ThrottledBody, times: 10);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, CancellationToken.None));

        Assert.Equal(("RequestLimitExceeded", "Request limit exceeded.", 503), (error.ErrorCode, error.ErrorMessage, error.HttpStatus));
        Assert.Equal(1 + clients.Settings.MaxRetries, faults.Attempts);
    }

    [Fact]
    public async Task Should_FailWithRequestTimeoutOrConnectionFailed_When_TheNetworkNeverRecovers()
    {
        var (faults, clients) = Setup();
        for (var i = 0; i < 5; i++)
        {
            faults.ThenHang();
        }

        var timeout = await Assert.ThrowsAsync<AwsApiException>(() => clients.Ec2.DescribeVpcsAsync("us-east-1", FirstPage, CancellationToken.None));
        for (var i = 0; i < 5; i++)
        {
            faults.ThenDropConnection();
        }

        var dropped = await Assert.ThrowsAsync<AwsApiException>(() => clients.Ec2.DescribeVpcsAsync("us-east-1", FirstPage, CancellationToken.None));

        Assert.Equal("RequestTimeout", timeout.ErrorCode);
        Assert.Equal("ec2:DescribeVpcs in us-east-1 did not answer within 1 s (5 attempts).", timeout.ErrorMessage);
        Assert.Equal("ConnectionFailed", dropped.ErrorCode);
        Assert.Equal(10, faults.Attempts);
    }

    [Fact]
    public async Task Should_StopPromptlyWithoutRetrying_When_TheCallerCancels()
    {
        // Given an answer that never comes and an attempt timeout far beyond the test
        var server = new FakeAwsServer().Answer("DescribeSecurityGroups", AwsSamples.MotoSecurityGroups);
        var faults = new FaultInjectionHandler(server).ThenHang();
        using var clients = new AwsTestClients(faults, AwsTestClients.FastSettings with { RequestTimeout = TimeSpan.FromMinutes(5) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        // When the caller cancels (Ctrl+C)
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Ec2.DescribeSecurityGroupsAsync("us-east-1", FirstPage, cancellation.Token));

        // Then the call ends at once, after the one attempt
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, faults.Attempts);
        Assert.Empty(clients.Counter.Retries);
    }

    [Fact]
    public async Task Should_SendActionVersionMaxResultsAndNextToken_When_Paging()
    {
        var (faults, clients) = Setup();
        var server = (FakeAwsServer)faults.InnerHandler!;

        var page = await clients.Ec2.DescribeSecurityGroupsAsync("eu-west-1", new PageRequest(5, "a/b+c=="), CancellationToken.None);
        await clients.Ec2.DescribeRegionsAsync(CancellationToken.None);

        Assert.Equal(2, page.Items.Length);
        var requests = server.Requests.ToArray();
        Assert.Equal(HttpMethod.Post, requests[0].Method);
        Assert.Equal(new Uri("https://ec2.eu-west-1.amazonaws.com/"), requests[0].Uri);
        Assert.Equal("application/x-www-form-urlencoded", requests[0].ContentType);
        Assert.Equal("Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=5&NextToken=a%2Fb%2Bc%3D%3D", requests[0].Body);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AwsTestClients.AccessKey}/", requests[0].Authorization, StringComparison.Ordinal);
        Assert.Equal("Action=DescribeRegions&Version=2016-11-15", requests[1].Body);
        Assert.Equal(new Uri("https://ec2.us-east-1.amazonaws.com/"), requests[1].Uri);
    }

    [Fact]
    public async Task Should_SendJson11WithTarget_When_LookingUpEvents()
    {
        var (faults, clients) = Setup();
        var server = (FakeAwsServer)faults.InnerHandler!;
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var page = await clients.CloudTrail.LookupEventsAsync("eu-west-1", new LookupEventsRequest("sg-1a2b3c4d", start, start.AddDays(90), 50, "tok"), CancellationToken.None);

        Assert.Equal("page-2", page.NextToken);
        var request = Assert.Single(server.Requests);
        Assert.Equal(new Uri("https://cloudtrail.eu-west-1.amazonaws.com/"), request.Uri);
        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Contains("/eu-west-1/cloudtrail/aws4_request", request.Authorization, StringComparison.Ordinal);
        Assert.Equal("""{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"sg-1a2b3c4d"}],"StartTime":1700000000,"EndTime":1707776000,"MaxResults":50,"NextToken":"tok"}""", request.Body);
    }

    [Fact]
    public async Task Should_SendEveryCallToTheOverride_When_AnEndpointIsGiven()
    {
        var server = CannedServer();
        using var clients = new AwsTestClients(new FaultInjectionHandler(server), endpoint: new Uri("http://127.0.0.1:4566/"));

        await clients.Ec2.DescribeVpcsAsync("ap-southeast-2", FirstPage, CancellationToken.None);
        await clients.CloudTrail.DescribeTrailsAsync("cn-north-1", CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Equal(new Uri("http://127.0.0.1:4566/"), r.Uri));
        Assert.Contains("/ap-southeast-2/ec2/", server.Requests.First().Authorization, StringComparison.Ordinal);
        Assert.Contains("/cn-north-1/cloudtrail/", server.Requests.Last().Authorization, StringComparison.Ordinal);
    }

    private static (FaultInjectionHandler Faults, AwsTestClients Clients) Setup()
    {
        var faults = new FaultInjectionHandler(CannedServer());
        return (faults, new AwsTestClients(faults));
    }

    private static FakeAwsServer CannedServer() => new FakeAwsServer()
        .Answer("DescribeSecurityGroups", AwsSamples.MotoSecurityGroups)
        .Answer("DescribeVpcs", AwsSamples.MotoVpcs)
        .Answer("DescribeRegions", AwsSamples.RealRegions)
        .Answer("DescribeTrails", AwsSamples.CloudTrailTrails)
        .Answer("GetTrailStatus", """{"IsLogging": true}""")
        .Answer("LookupEvents", AwsSamples.CloudTrailLookupEvents);
}
