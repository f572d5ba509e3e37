using System.Net;
using System.Text.Json;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.EmulatorServer;

public sealed class CloudTrailJsonTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_AnswerTrailsAsJson_When_DescribeTrailsIsCalled()
    {
        var fake = new FakeCloudTrailApi("123456789012");
        await using var server = await StartAsync(fake);

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "eu-west-1", "DescribeTrails", "{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"trailList":[{"Name":"org-trail","S3BucketName":"trail-bucket","IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":true,"HomeRegion":"us-east-1","TrailARN":"arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail","LogFileValidationEnabled":false,"HasCustomEventSelectors":true,"IsOrganizationTrail":false},{"Name":"eu-west-1-local","IsMultiRegionTrail":false,"HomeRegion":"eu-west-1","TrailARN":"arn:aws:cloudtrail:eu-west-1:123456789012:trail/eu-west-1-local"}]}""",
            body);
    }

    [Theory]
    [InlineData("""{"includeShadowTrails":false}""", "eu-west-1-local")]
    [InlineData("""{"trailNameList":["org-trail"]}""", "org-trail")]
    [InlineData("""{"trailNameList":["arn:aws:cloudtrail:eu-west-1:123456789012:trail/eu-west-1-local"]}""", "eu-west-1-local")]
    public async Task Should_FilterTrails_When_DescribeTrailsNamesTrailsOrLeavesShadowTrailsOut(string request, string expectedName)
    {
        await using var server = await StartAsync(new FakeCloudTrailApi("123456789012"));

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "eu-west-1", "DescribeTrails", request);

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal([expectedName], json.RootElement.GetProperty("trailList").EnumerateArray().Select(t => t.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task Should_WriteTimestampsAsEpochSeconds_When_GetTrailStatusIsCalled()
    {
        await using var server = await StartAsync(new FakeCloudTrailApi("123456789012"));

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", "GetTrailStatus", """{"Name":"org-trail"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"IsLogging":true,"StartLoggingTime":1740817815.123,"LatestDeliveryTime":1740821415.123}""", body);
        Assert.Equal(1740817815123, FakeCloudTrailApi.StartedLogging.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Should_AnswerAdvancedSelectors_When_GetEventSelectorsIsCalled()
    {
        await using var server = await StartAsync(new FakeCloudTrailApi("123456789012"));

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", "GetEventSelectors", """{"TrailName":"org-trail"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"TrailARN":"arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail","AdvancedEventSelectors":[{"Name":"management","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["false"]}]}]}""",
            body);
    }

    [Fact]
    public async Task Should_TranslateTheLookupAndItsPage_When_LookupEventsIsCalled()
    {
        // Given three events on one group
        var fake = new FakeCloudTrailApi("123456789012") { Events = [FakeCloudTrailApi.Event(1, "sg-1"), FakeCloudTrailApi.Event(2, "sg-2"), FakeCloudTrailApi.Event(3, "sg-1"), FakeCloudTrailApi.Event(4, "sg-1")] };
        await using var server = await StartAsync(fake);

        // When a page of two is asked for over a window given as epoch seconds, then the next page by token
        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "eu-west-1", "LookupEvents",
            """{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"sg-1"}],"StartTime":1740700000,"EndTime":1740900000.5,"MaxResults":2}""");
        var (_, second) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "eu-west-1", "LookupEvents",
            """{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"sg-1"}],"StartTime":1740700000,"EndTime":1740900000.5,"MaxResults":2,"NextToken":"2"}""");

        // Then the API got exactly that request, and the events come back with epoch-second times and the token
        Assert.Equal(HttpStatusCode.OK, status);
        var (region, request) = fake.Lookups.First();
        Assert.Equal("eu-west-1", region);
        Assert.Equal(new LookupEventsRequest("sg-1", DateTimeOffset.FromUnixTimeSeconds(1740700000), DateTimeOffset.FromUnixTimeMilliseconds(1740900000500), 2), request);
        using var json = JsonDocument.Parse(body);
        var events = json.RootElement.GetProperty("Events");
        Assert.Equal(["event-001", "event-003"], events.EnumerateArray().Select(e => e.GetProperty("EventId").GetString()));
        Assert.Equal(1740817875.124m, events[0].GetProperty("EventTime").GetDecimal());
        Assert.Equal("false", events[0].GetProperty("ReadOnly").GetString());
        Assert.Equal("sg-1", events[0].GetProperty("Resources")[0].GetProperty("ResourceName").GetString());
        Assert.Equal(FakeCloudTrailApi.Event(1, "sg-1").CloudTrailEvent, events[0].GetProperty("CloudTrailEvent").GetString());
        Assert.Equal("2", json.RootElement.GetProperty("NextToken").GetString());
        Assert.Equal("""{"Events":[""", second[..11]);
        Assert.DoesNotContain("NextToken", second, StringComparison.Ordinal);
        Assert.Contains("event-004", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_LookBackNinetyDaysWithFiftyEvents_When_LookupEventsGivesNoWindowOrSize()
    {
        var fake = new FakeCloudTrailApi("123456789012");
        await using var server = await StartAsync(fake);

        var (status, _) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", "LookupEvents", """{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"sg-1"}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new LookupEventsRequest("sg-1", Now.AddDays(-90), Now, 50), fake.Lookups.Single().Request);
    }

    [Theory]
    [InlineData("GetTrailStatus", """{"Name":"nope"}""", "TrailNotFoundException", "Unknown trail: nope for the user: 123456789012")]
    [InlineData("GetTrailStatus", "{}", "ValidationException", "1 validation error detected: Value null at 'Name' failed to satisfy constraint: Member must not be null")]
    [InlineData("LookupEvents", """{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"a"},{"AttributeKey":"EventName","AttributeValue":"b"}]}""", "InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.")]
    [InlineData("LookupEvents", """{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"b"}]}""", "InvalidLookupAttributesException", "The SgAudit emulator looks events up by ResourceName only, not by EventName.")]
    [InlineData("LookupEvents", """{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"a"}],"MaxResults":51}""", "InvalidMaxResultsException", "MaxResults must be between 1 and 50.")]
    [InlineData("LookupEvents", """{"LookupAttributes":[{"AttributeKey":"ResourceName","AttributeValue":"a"}],"StartTime":20,"EndTime":10}""", "InvalidTimeRangeException", "Start time must be before end time.")]
    [InlineData("DescribeTrails", "{not json", "SerializationException", null)]
    [InlineData("CreateTrail", "{}", "UnknownOperationException", "The SgAudit emulator does not serve CloudTrail operation CreateTrail.")]
    public async Task Should_AnswerCloudTrailsJsonError_When_TheCallFails(string operation, string request, string code, string? message)
    {
        await using var server = await StartAsync(new FakeCloudTrailApi("123456789012"));

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", operation, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(code, json.RootElement.GetProperty("__type").GetString());
        if (message is not null)
        {
            Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Should_AnswerUnsupportedOperation_When_NoCloudTrailApiIsWiredForTheAccount()
    {
        await using var server = await ServedEmulator.StartDemoAsync();

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", "DescribeTrails", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"__type":"UnsupportedOperationException","message":"The SgAudit emulator serves no CloudTrail data for account 123456789012."}""", body);
    }

    [Fact]
    public async Task Should_AskTheAssumedAccountsApi_When_TheKeyWasIssuedForAnotherAccount()
    {
        var apis = new Dictionary<string, FakeCloudTrailApi>();
        await using var server = await ServedEmulator.StartAsync(ModelSource.LoadDemo().Document, cloudTrail: a => apis[a.Id!] = new FakeCloudTrailApi(a.Id!));

        var (_, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-west-2", "GetEventSelectors", """{"TrailName":"org-trail"}""", AssumedRoleAccessKey.Create("210987654321", 3));

        Assert.Contains("arn:aws:cloudtrail:us-east-1:210987654321:trail/org-trail", body, StringComparison.Ordinal);
        Assert.Equal(["123456789012", "210987654321"], apis.Keys.Order());
    }

    private static Task<SgAudit.Emulator.EmulatorServer> StartAsync(FakeCloudTrailApi fake) =>
        ServedEmulator.StartAsync(ModelSource.LoadDemo().Document, cloudTrail: a => a.Id == "123456789012" ? fake : null, timeProvider: new FixedTimeProvider(Now));
}
