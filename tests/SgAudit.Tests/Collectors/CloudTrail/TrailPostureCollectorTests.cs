using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using SgAudit.Core.CloudTrail;
using SgAudit.Tests.Support;
using static SgAudit.Tests.Collectors.CloudTrail.CloudTrailModels;

namespace SgAudit.Tests.Collectors.CloudTrail;

public sealed class TrailPostureCollectorTests
{
    [Fact]
    public async Task Should_SayNoTrail_When_EveryRegionListsNone()
    {
        var posture = await PostureAsync(Regions(("us-east-1", "[]"), ("eu-west-1", "[]")));

        Assert.Equal(TrailPostureStatus.NotLogging, posture.Status);
        Assert.Equal(TrailGap.NoTrail, posture.Gap);
        Assert.Null(posture.TrailName);
        Assert.Equal(["eu-west-1", "us-east-1"], posture.Regions.ToArray());
    }

    [Fact]
    public async Task Should_SayNotMultiRegion_When_OnlySingleRegionTrailsExist()
    {
        var posture = await PostureAsync(Regions(("us-east-1", "\n" + Trail("local", "us-east-1", multiRegion: false)), ("eu-west-1", "[]")));

        Assert.Equal(TrailPostureStatus.NotLogging, posture.Status);
        Assert.Equal(TrailGap.NotMultiRegion, posture.Gap);
        Assert.Equal("local", posture.TrailName);
    }

    [Fact]
    public async Task Should_SayNotLogging_When_TheMultiRegionTrailIsStopped()
    {
        var posture = await PostureAsync(Regions(("us-east-1", "\n" + Trail("org", "us-east-1", multiRegion: true, logging: false)), ("eu-west-1", "[]")));

        Assert.Equal(TrailPostureStatus.NotLogging, posture.Status);
        Assert.Equal(TrailGap.NotLogging, posture.Gap);
        Assert.Equal("org", posture.TrailName);
        Assert.Equal("us-east-1", posture.HomeRegion);
    }

    [Theory]
    [InlineData("            EventSelectors: [{ReadWriteType: All, IncludeManagementEvents: false}]")]
    [InlineData("            EventSelectors: [{ReadWriteType: ReadOnly, IncludeManagementEvents: true}]")]
    [InlineData("            AdvancedEventSelectors: [{Name: data, FieldSelectors: [{Field: eventCategory, Equals: [Data]}, {Field: resources.type, Equals: [\"AWS::S3::Object\"]}]}]")]
    [InlineData("            AdvancedEventSelectors: [{Name: reads, FieldSelectors: [{Field: eventCategory, Equals: [Management]}, {Field: readOnly, Equals: [\"true\"]}]}]")]
    public async Task Should_SayManagementEventsExcluded_When_TheSelectorsLeaveOutManagementWrites(string selectors)
    {
        var posture = await PostureAsync(Regions(("us-east-1", "\n" + Trail("org", "us-east-1", multiRegion: true, selectors: selectors))));

        Assert.Equal(TrailPostureStatus.NotLogging, posture.Status);
        Assert.Equal(TrailGap.ManagementEventsExcluded, posture.Gap);
        Assert.Equal("org", posture.TrailName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("            EventSelectors: [{ReadWriteType: WriteOnly, IncludeManagementEvents: true}]")]
    [InlineData("            AdvancedEventSelectors: [{Name: mgmt, FieldSelectors: [{Field: eventCategory, Equals: [Management]}]}]")]
    [InlineData("            AdvancedEventSelectors: [{Name: writes, FieldSelectors: [{Field: eventCategory, Equals: [Management]}, {Field: readOnly, Equals: [\"false\"]}]}]")]
    public async Task Should_SayLogging_When_AMultiRegionTrailLogsManagementWrites(string selectors)
    {
        // Given a multi-region trail at home in eu-west-1, seen from us-east-1 as a shadow trail too
        var posture = await PostureAsync(Regions(("us-east-1", "[]"), ("eu-west-1", "\n" + Trail("org", "eu-west-1", multiRegion: true, selectors: selectors))));

        Assert.Equal(TrailPostureStatus.Logging, posture.Status);
        Assert.Null(posture.Gap);
        Assert.Equal("org", posture.TrailName);
        Assert.Equal($"arn:aws:cloudtrail:eu-west-1:{Account}:trail/org", posture.TrailArn);
        Assert.Equal("eu-west-1", posture.HomeRegion);
    }

    [Fact]
    public async Task Should_PreferTheLoggingTrail_When_AnotherMultiRegionTrailIsStopped()
    {
        var posture = await PostureAsync(Regions(("us-east-1", "\n" + Trail("a-stopped", "us-east-1", multiRegion: true, logging: false) + "\n" + Trail("b-logging", "us-east-1", multiRegion: true))));

        Assert.Equal(TrailPostureStatus.Logging, posture.Status);
        Assert.Equal("b-logging", posture.TrailName);
    }

    [Fact]
    public async Task Should_SayNotAssessed_When_ARegionsTrailsCannotBeListed()
    {
        // Given no trail in one region and an error in the other: the unreadable one might hold the trail
        var posture = await PostureAsync($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    Trails: []
                  - name: eu-west-1
                    error: {code: AccessDeniedException, message: denied}
            """);

        Assert.Equal(TrailPostureStatus.NotAssessed, posture.Status);
        Assert.Equal("AccessDeniedException", posture.ErrorCode);
        Assert.Equal("denied", posture.ErrorMessage);
        Assert.Null(posture.Gap);
    }

    [Fact]
    public async Task Should_SayNotAssessed_When_TheModelProvidesNoCloudTrail()
    {
        var posture = await PostureAsync($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    SecurityGroups: []
            """);

        Assert.Equal(TrailPostureStatus.NotAssessed, posture.Status);
        Assert.Equal(EmulatedEc2Api.NotProvidedCode, posture.ErrorCode);
    }

    [Fact]
    public async Task Should_SayNotAssessed_When_AMultiRegionTrailsStatusCannotBeRead()
    {
        // Given a stopped trail and one whose status is not provided: the unread one might be logging
        var posture = await PostureAsync(Regions(("us-east-1", "\n" + Trail("a-stopped", "us-east-1", multiRegion: true, logging: false) + "\n" + Trail("b-unknown", "us-east-1", multiRegion: true, logging: null))));

        Assert.Equal(TrailPostureStatus.NotAssessed, posture.Status);
        Assert.Equal(EmulatedEc2Api.NotProvidedCode, posture.ErrorCode);
    }

    [Fact]
    public async Task Should_SayLogging_When_ALoggingTrailIsFoundDespiteAnUnreadableRegion()
    {
        var posture = await PostureAsync($$"""
            accounts:
              - id: "{{Account}}"
                regions:
                  - name: us-east-1
                    Trails:
            {{Trail("org", "us-east-1", multiRegion: true)}}
                  - name: eu-west-1
                    error: {code: AccessDeniedException}
            """);

        Assert.Equal(TrailPostureStatus.Logging, posture.Status);
        Assert.Equal("org", posture.TrailName);
    }

    [Fact]
    public async Task Should_UseTheAccountsError_When_NoRegionCouldBeListed()
    {
        var posture = await PostureAsync($$"""
            accounts:
              - id: "{{Account}}"
                error: {code: UnauthorizedOperation, message: no access}
            """);

        Assert.Equal(TrailPostureStatus.NotAssessed, posture.Status);
        Assert.Equal("UnauthorizedOperation", posture.ErrorCode);
        Assert.Empty(posture.Regions);
    }

    private static string Regions(params (string Name, string Trails)[] regions) =>
        $"accounts:\n  - id: \"{Account}\"\n    regions:\n" + string.Concat(regions.Select(r => $"      - name: {r.Name}\n        SecurityGroups: []\n        Trails: {r.Trails}\n"));

    private static async Task<TrailPosture> PostureAsync(string yaml)
    {
        var document = Read(yaml);
        var inventory = await ScanPipeline.CollectAsync(document);
        var targets = CloudTrailTarget.From(new EmbeddedEmulator(document).Accounts);
        var postures = await new TrailPostureCollector().CollectAsync(targets, inventory, CancellationToken.None);
        return Assert.Single(postures);
    }

}
