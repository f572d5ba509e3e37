using SgAudit.Core;
using static SgAudit.Tests.Collectors.CloudTrail.CloudTrailModels;

namespace SgAudit.Tests.Collectors.CloudTrail;

/// <summary>CloudTrail data in a model is checked strictly, with the file, line and path of the problem.</summary>
public sealed class CloudTrailModelValidationTests
{
    [Fact]
    public void Should_LoadTrailsWithStatusSelectorsAndEvents_When_TheModelIsValid()
    {
        // Given a trail pasted from describe-trails (with fields SgAudit ignores), its status and selectors, and an event
        var document = Read($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    Trails:
                      - Name: org-trail
                        TrailARN: arn:aws:cloudtrail:us-east-1:{{Account}}:trail/org-trail
                        HomeRegion: us-east-1
                        IsMultiRegionTrail: true
                        S3KeyPrefix: logs
                        KmsKeyId: arn:aws:kms:us-east-1:{{Account}}:key/1
                        HasInsightSelectors: false
                        Status: {IsLogging: true, StartLoggingTime: "2026-01-01T00:00:00Z", LatestDeliveryError: ""}
                        AdvancedEventSelectors:
                          - Name: management
                            FieldSelectors: [{Field: eventCategory, Equals: [Management]}]
                    CloudTrailEvents:
            {{Event("e1", "CreateSecurityGroup", "2026-11-02T10:00:00+01:00", "sg-1")}}
            """);

        // Then everything is read
        var region = document.Accounts[0].Regions[0];
        var trail = Assert.Single(region.Trails!);
        Assert.Equal("org-trail", trail.Name);
        Assert.True(trail.Status!.IsLogging);
        Assert.Equal(["Management"], trail.AdvancedEventSelectors![0].FieldSelectors![0].EqualTo!);
        var item = Assert.Single(region.CloudTrailEvents!);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), item.EventTime);
        Assert.Equal("sg-1", item.Resources![0].ResourceName);
    }

    [Theory]
    [InlineData("EventSelector: []", "line 10, $.accounts[0].regions[0].Trails[0].EventSelector: unknown key 'EventSelector'")]
    [InlineData("Status: {IsLoging: true}", "line 10, $.accounts[0].regions[0].Trails[0].Status: a trail status needs IsLogging (true or false)")]
    [InlineData("EventSelectors: [{ReadWriteType: All}]", "line 10, $.accounts[0].regions[0].Trails[0].EventSelectors[0]: an event selector needs ReadWriteType (All, ReadOnly or WriteOnly) and IncludeManagementEvents (true or false)")]
    [InlineData("AdvancedEventSelectors: [{Name: x}]", "line 10, $.accounts[0].regions[0].Trails[0].AdvancedEventSelectors[0]: an advanced event selector needs FieldSelectors, each with a Field")]
    public void Should_NameTheLineAndProblem_When_ATrailIsWrong(string extraLine, string expected)
    {
        // Given a trail with one wrong line
        var yaml = $$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    Trails:
                      - Name: org-trail
                        TrailARN: arn:aws:cloudtrail:us-east-1:{{Account}}:trail/org-trail
                        HomeRegion: us-east-1
                        IsMultiRegionTrail: true
                        {{extraLine}}
            """;

        // When the model is read
        var ex = Assert.Throws<InputException>(() => Read(yaml));

        // Then the error names the file, the line, the path and the problem
        Assert.Equal($"model.yaml: {expected}", ex.Message);
    }

    [Fact]
    public void Should_RequireNameArnHomeRegionAndScope_When_ATrailIsListed()
    {
        var ex = Assert.Throws<InputException>(() => Read($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    Trails:
                      - Name: org-trail
            """));

        Assert.Equal("model.yaml: line 6, $.accounts[0].regions[0].Trails[0]: a trail needs Name, TrailARN, HomeRegion and IsMultiRegionTrail (missing: TrailARN, HomeRegion, IsMultiRegionTrail)", ex.Message);
    }

    [Fact]
    public void Should_RejectATrailOutsideItsHomeRegion_When_Reading()
    {
        var ex = Assert.Throws<InputException>(() => Read($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: eu-west-1
                    Trails:
            {{Trail("org-trail", "us-east-1", multiRegion: true)}}
            """));

        Assert.Equal("model.yaml: line 8, $.accounts[0].regions[0].Trails[0].HomeRegion: trail org-trail has home region us-east-1 but is listed in eu-west-1; list each trail once, in its home region (a multi-region trail appears in every region by itself)", ex.Message);
    }

    [Theory]
    [InlineData("EventTime: yesterday", "line 7, $.accounts[0].regions[0].CloudTrailEvents[0].EventTime: the value has the wrong type: expected an ISO 8601 time such as 2026-11-02T14:05:00Z")]
    [InlineData("EventTime: 2026-11-02T10:00:00Z", "line 6, $.accounts[0].regions[0].CloudTrailEvents[0]: an event needs EventId, EventName, EventTime and Resources (missing: EventName, Resources (each with a ResourceName))")]
    public void Should_NameTheLineAndProblem_When_AnEventIsWrong(string timeLine, string expected)
    {
        // Given an event with a bad time, or without a name and resources
        var yaml = $$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    CloudTrailEvents:
                      - EventId: e1
                        {{timeLine}}
            """;

        // When the model is read
        var ex = Assert.Throws<InputException>(() => Read(yaml));

        // Then the error says where and what
        Assert.Equal($"model.yaml: {expected}", ex.Message);
    }

    [Fact]
    public void Should_RejectAMisspeltListName_When_ARegionIsRead()
    {
        var ex = Assert.Throws<InputException>(() => Read($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    Trail: []
            """));

        Assert.Equal("model.yaml: line 5, $.accounts[0].regions[0].Trail: unknown key 'Trail'", ex.Message);
    }
}
