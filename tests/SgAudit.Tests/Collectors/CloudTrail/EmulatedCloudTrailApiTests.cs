using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using static SgAudit.Tests.Collectors.CloudTrail.CloudTrailModels;

namespace SgAudit.Tests.Collectors.CloudTrail;

public sealed class EmulatedCloudTrailApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly string TwoRegions = $$"""
        accounts:
          - id: "{{Account}}"
            regions:
              - name: us-east-1
                Trails:
        {{Trail("org-trail", "us-east-1", multiRegion: true)}}
        {{Trail("local-trail", "us-east-1", multiRegion: false, logging: null)}}
                CloudTrailEvents:
        {{Event("e1", "CreateSecurityGroup", "2026-11-02T10:00:00Z", "sg-1")}}
        {{Event("e2", "AuthorizeSecurityGroupIngress", "2026-11-03T10:00:00Z", "sg-1")}}
        {{Event("e3", "CreateTags", "2026-11-04T10:00:00Z", "sg-1")}}
        {{Event("e4", "RevokeSecurityGroupIngress", "2026-11-05T10:00:00Z", "sg-1")}}
        {{Event("e5", "AuthorizeSecurityGroupEgress", "2026-11-06T10:00:00Z", "sg-1")}}
        {{Event("e6", "AuthorizeSecurityGroupIngress", "2026-11-06T12:00:00Z", "sg-2")}}
        {{Event("e0", "AuthorizeSecurityGroupIngress", "2026-10-06T12:00:00Z", "sg-1")}}
              - name: eu-west-1
                Trails: []
              - name: ap-south-1
                error: {code: AccessDeniedException, message: no}
        """;

    [Fact]
    public async Task Should_ShowAMultiRegionTrailInEveryRegion_When_DescribingTrails()
    {
        // Given a multi-region and a single-region trail, both with home region us-east-1
        var api = Api(TwoRegions);

        // When trails are described in each region
        var home = await api.DescribeTrailsAsync("us-east-1", CancellationToken.None);
        var other = await api.DescribeTrailsAsync("eu-west-1", CancellationToken.None);

        // Then the home region lists both; the other region only the multi-region one, as a shadow with its home region
        Assert.Equal(["org-trail", "local-trail"], home.Select(t => t.Name));
        var shadow = Assert.Single(other);
        Assert.Equal("org-trail", shadow.Name);
        Assert.Equal("us-east-1", shadow.HomeRegion);
        Assert.Equal($"arn:aws:cloudtrail:us-east-1:{Account}:trail/org-trail", shadow.TrailARN);
        Assert.True(shadow.IsMultiRegionTrail);
    }

    [Fact]
    public async Task Should_FindATrailByNameInItsHomeRegionOrByArnAnywhere_When_ReadingStatusAndSelectors()
    {
        // Given the model
        var api = Api(TwoRegions);
        var arn = $"arn:aws:cloudtrail:us-east-1:{Account}:trail/org-trail";

        // When / Then status and selectors are found by name at home and by ARN elsewhere; by name elsewhere is unknown
        Assert.True((await api.GetTrailStatusAsync("us-east-1", "org-trail", CancellationToken.None)).IsLogging);
        Assert.True((await api.GetTrailStatusAsync("eu-west-1", arn, CancellationToken.None)).IsLogging);
        var byName = await Assert.ThrowsAsync<AwsApiException>(() => api.GetTrailStatusAsync("eu-west-1", "org-trail", CancellationToken.None));
        Assert.Equal("TrailNotFoundException", byName.ErrorCode);
        Assert.Equal($"Unknown trail: org-trail for the user: {Account}", byName.ErrorMessage);
        var unknown = await Assert.ThrowsAsync<AwsApiException>(() => api.GetEventSelectorsAsync("us-east-1", "nope", CancellationToken.None));
        Assert.Equal("TrailNotFoundException", unknown.ErrorCode);
        var noStatus = await Assert.ThrowsAsync<AwsApiException>(() => api.GetTrailStatusAsync("us-east-1", "local-trail", CancellationToken.None));
        Assert.Equal(EmulatedEc2Api.NotProvidedCode, noStatus.ErrorCode);
    }

    [Fact]
    public async Task Should_AnswerAllManagementEvents_When_ATrailHasNoSelectors()
    {
        // Given a trail without selectors in the model
        var api = Api(TwoRegions);

        // When its selectors are read
        var selectors = await api.GetEventSelectorsAsync("us-east-1", "org-trail", CancellationToken.None);

        // Then they are CloudTrail's default: every management event, read and write
        var selector = Assert.Single(selectors.EventSelectors!);
        Assert.Equal("All", selector.ReadWriteType);
        Assert.True(selector.IncludeManagementEvents);
        Assert.Null(selectors.AdvancedEventSelectors);
        Assert.Equal($"arn:aws:cloudtrail:us-east-1:{Account}:trail/org-trail", selectors.TrailARN);
    }

    [Fact]
    public async Task Should_PageNewestFirstWithinTheWindow_When_LookingUpAGroup()
    {
        // Given six events on sg-1 (one before the window) and one on sg-2
        var api = Api(TwoRegions);

        // When sg-1 is looked up two events at a time, following NextToken
        var pages = new List<List<string?>>();
        string? token = null;
        do
        {
            var page = await api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", Start, End, 2, token), CancellationToken.None);
            pages.Add([.. page.Events.Select(e => e.EventId)]);
            token = page.NextToken;
        }
        while (token is not null);

        // Then the events in the window come newest first, two per page, and no other group's
        Assert.Equal([["e5", "e4"], ["e3", "e2"], ["e1"]], pages);
    }

    [Fact]
    public async Task Should_IncludeBothWindowEnds_When_FilteringByTime()
    {
        // Given events at 2026-11-03T10:00Z and 2026-11-05T10:00Z among others
        var api = Api(TwoRegions);
        var from = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 5, 10, 0, 0, TimeSpan.Zero);

        // When the window is exactly from one to the other
        var page = await api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", from, to), CancellationToken.None);

        // Then both ends are in
        Assert.Equal(["e4", "e3", "e2"], page.Events.Select(e => e.EventId));
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task Should_RejectATokenReplayedWithOtherParameters_When_LookingUpEvents()
    {
        // Given a token from a lookup of sg-1
        var api = Api(TwoRegions);
        var first = await api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", Start, End, 1), CancellationToken.None);
        Assert.NotNull(first.NextToken);

        // When it is replayed for another group, window or page size, or a token is made up
        var otherGroup = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-2", Start, End, 1, first.NextToken), CancellationToken.None));
        var otherWindow = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", Start.AddSeconds(1), End, 1, first.NextToken), CancellationToken.None));
        var otherSize = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", Start, End, 2, first.NextToken), CancellationToken.None));
        var madeUp = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", Start, End, 1, "not-a-token"), CancellationToken.None));

        // Then CloudTrail's InvalidNextTokenException is the answer each time
        Assert.All([otherGroup, otherWindow, otherSize, madeUp], ex => Assert.Equal("InvalidNextTokenException", ex.ErrorCode));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task Should_RejectMaxResultsOutsideOneToFifty_When_LookingUpEvents(int maxResults)
    {
        var api = Api(TwoRegions);

        var ex = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", Start, End, maxResults), CancellationToken.None));

        Assert.Equal("InvalidMaxResultsException", ex.ErrorCode);
    }

    [Fact]
    public async Task Should_RejectAStartAfterTheEnd_When_LookingUpEvents()
    {
        var api = Api(TwoRegions);

        var ex = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("us-east-1", new LookupEventsRequest("sg-1", End, Start), CancellationToken.None));

        Assert.Equal("InvalidTimeRangeException", ex.ErrorCode);
    }

    [Fact]
    public async Task Should_AnswerTheModelsErrorOrNotProvided_When_AScopeCannotBeRead()
    {
        // Given a region with an error and a region without events
        var api = Api(TwoRegions);

        // When CloudTrail is asked there
        var denied = await Assert.ThrowsAsync<AwsApiException>(() => api.DescribeTrailsAsync("ap-south-1", CancellationToken.None));
        var noEvents = await Assert.ThrowsAsync<AwsApiException>(() => api.LookupEventsAsync("eu-west-1", new LookupEventsRequest("sg-1", Start, End), CancellationToken.None));
        var unknownRegion = await Assert.ThrowsAsync<AwsApiException>(() => api.DescribeTrailsAsync("sa-east-1", CancellationToken.None));

        // Then the model's error, "not provided", and the unsubscribed-region error come back
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal(EmulatedEc2Api.NotProvidedCode, noEvents.ErrorCode);
        Assert.Equal("OptInRequired", unknownRegion.ErrorCode);
    }

    [Fact]
    public async Task Should_FailEveryCall_When_TheAccountHasAnError()
    {
        // Given an account marked unreadable
        var api = Api($$"""
            accounts:
              - id: "{{Account}}"
                error: {code: AccessDeniedException}
            """);

        // When trails are described
        var ex = await Assert.ThrowsAsync<AwsApiException>(() => api.DescribeTrailsAsync("us-east-1", CancellationToken.None));

        // Then the account's error is the answer
        Assert.Equal("AccessDeniedException", ex.ErrorCode);
    }

    [Fact]
    public async Task Should_AnswerNotProvided_When_TheModelHasNoTrails()
    {
        // Given a region without a Trails list
        var api = Api($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    SecurityGroups: []
            """);

        // When trails are described
        var ex = await Assert.ThrowsAsync<AwsApiException>(() => api.DescribeTrailsAsync("us-east-1", CancellationToken.None));

        // Then CloudTrail counts as not provided, not as "no trail"
        Assert.Equal(EmulatedEc2Api.NotProvidedCode, ex.ErrorCode);
    }
}
