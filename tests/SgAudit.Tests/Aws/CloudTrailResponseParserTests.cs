using System.Text;
using System.Text.Json;
using SgAudit.Aws.CloudTrail;

namespace SgAudit.Tests.Aws;

public sealed class CloudTrailResponseParserTests
{
    [Fact]
    public void Should_ReadTrailFields_When_ParsingDescribeTrails()
    {
        var trail = Assert.Single(CloudTrailResponseParser.ParseTrails(Bytes(AwsSamples.CloudTrailTrails)));

        Assert.Equal(("org-trail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail", "us-east-1", "sgaudit-trail-bucket"), (trail.Name, trail.TrailARN, trail.HomeRegion, trail.S3BucketName));
        Assert.Equal((true, false, true, false, true), (trail.IsMultiRegionTrail, trail.IsOrganizationTrail, trail.IncludeGlobalServiceEvents, trail.HasCustomEventSelectors, trail.LogFileValidationEnabled));
    }

    [Fact]
    public void Should_ReadEpochSecondsInEveryForm_When_ParsingTrailStatus()
    {
        // Given integer, fractional and exponent epoch seconds, and moto's empty-string "never"
        var status = CloudTrailResponseParser.ParseTrailStatus(Bytes("""
            {"IsLogging": true, "StartLoggingTime": 1795350586, "StopLoggingTime": 1.7E9, "LatestDeliveryTime": 1700000000.123, "LatestDeliveryError": null, "TimeLoggingStopped": ""}
            """));

        Assert.True(status.IsLogging);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795350586), status.StartLoggingTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), status.StopLoggingTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), status.LatestDeliveryTime);
        Assert.Null(status.LatestDeliveryError);
    }

    [Fact]
    public void Should_ReadBasicAndAdvancedSelectors_When_ParsingEventSelectors()
    {
        var selectors = CloudTrailResponseParser.ParseEventSelectors(Bytes("""
            {"TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/t",
             "EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": true, "ExcludeManagementEventSources": ["kms.amazonaws.com"], "DataResources": []}],
             "AdvancedEventSelectors": [{"Name": "mgmt", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}, {"Field": "readOnly", "NotEquals": ["true"], "StartsWith": null}]}]}
            """));

        Assert.Equal("arn:aws:cloudtrail:us-east-1:123456789012:trail/t", selectors.TrailARN);
        var basic = Assert.Single(selectors.EventSelectors!);
        Assert.Equal(("WriteOnly", true), (basic.ReadWriteType, basic.IncludeManagementEvents));
        Assert.Equal(["kms.amazonaws.com"], basic.ExcludeManagementEventSources!);
        var advanced = Assert.Single(selectors.AdvancedEventSelectors!);
        Assert.Equal("mgmt", advanced.Name);
        Assert.Equal(["Management"], advanced.FieldSelectors![0].EqualTo!);
        Assert.Equal("readOnly", advanced.FieldSelectors[1].Field);
        Assert.Equal(["true"], advanced.FieldSelectors[1].NotEquals!);
        Assert.Null(advanced.FieldSelectors[1].StartsWith);
    }

    [Fact]
    public void Should_KeepNullLists_When_MotoAnswersNull()
    {
        var selectors = CloudTrailResponseParser.ParseEventSelectors(Bytes("""{"TrailARN": "arn", "EventSelectors": null, "AdvancedEventSelectors": null}"""));

        Assert.Null(selectors.EventSelectors);
        Assert.Null(selectors.AdvancedEventSelectors);
    }

    [Fact]
    public void Should_ReadEventsAndNextToken_When_ParsingLookupEvents()
    {
        var page = CloudTrailResponseParser.ParseLookupEvents(Bytes(AwsSamples.CloudTrailLookupEvents));

        Assert.Equal("page-2", page.NextToken);
        var e = Assert.Single(page.Events);
        Assert.Equal(("e-1", "AuthorizeSecurityGroupIngress", "false", "ASIAEXAMPLE", "ec2.amazonaws.com", "alice"), (e.EventId, e.EventName, e.ReadOnly, e.AccessKeyId, e.EventSource, e.Username));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), e.EventTime);
        Assert.Equal([("AWS::EC2::SecurityGroup", "sg-1a2b3c4d")], e.Resources!.Select(r => (r.ResourceType, r.ResourceName)));
        Assert.Equal("""{"sourceIPAddress":"198.51.100.7"}""", e.CloudTrailEvent);
    }

    [Fact]
    public void Should_Throw_When_TheDocumentIsCutOffOrTheWrongShape()
    {
        var bytes = Bytes(AwsSamples.CloudTrailLookupEvents);

        Assert.ThrowsAny<JsonException>(() => CloudTrailResponseParser.ParseLookupEvents(bytes[..(bytes.Length / 2)]));
        Assert.ThrowsAny<JsonException>(() => CloudTrailResponseParser.ParseLookupEvents(Bytes("""{"Events": {"not": "a list"}}""")));
        Assert.ThrowsAny<JsonException>(() => CloudTrailResponseParser.ParseTrailStatus(Bytes("""{"StartLoggingTime": "yesterday"}""")));
        Assert.ThrowsAny<JsonException>(() => CloudTrailResponseParser.ParseTrails(Bytes("[]")));
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
