using System.Text;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;

namespace SgAudit.Tests.Collectors.CloudTrail;

/// <summary>Small YAML models with CloudTrail data, read by the real model reader.</summary>
internal static class CloudTrailModels
{
    public const string Account = "111122223333";

    public static ModelDocument Read(string yaml) => ModelFileReader.Read("model.yaml", Encoding.UTF8.GetBytes(yaml));

    public static EmulatedCloudTrailApi Api(string yaml) => new(Read(yaml).Accounts[0]);

    /// <summary>A trail in the model format: multi-region or not, logging or not, with optional selector YAML (indented 12).</summary>
    public static string Trail(string name, string region, bool multiRegion, bool? logging = true, string selectors = "") =>
        $$"""
                  - Name: {{name}}
                    TrailARN: arn:aws:cloudtrail:{{region}}:{{Account}}:trail/{{name}}
                    HomeRegion: {{region}}
                    IsMultiRegionTrail: {{(multiRegion ? "true" : "false")}}
                    S3BucketName: trail-bucket
        {{(logging is { } on ? $"            Status: {{IsLogging: {(on ? "true" : "false")}}}\n" : "")}}{{selectors}}
        """;

    /// <summary>A LookupEvents event on one group, with a CloudTrailEvent record naming the caller.</summary>
    public static string Event(string id, string name, string time, string groupId, string callerArn = "arn:aws:iam::111122223333:user/alice", string sourceIp = "203.0.113.9") =>
        $$"""
                  - EventId: {{id}}
                    EventName: {{name}}
                    EventTime: {{time}}
                    Username: fallback-user
                    Resources: [{ResourceType: "AWS::EC2::SecurityGroup", ResourceName: {{groupId}}}]
                    CloudTrailEvent: '{"userIdentity":{"type":"IAMUser","arn":"{{callerArn}}","principalId":"AIDAEXAMPLE"},"sourceIPAddress":"{{sourceIp}}","eventName":"{{name}}"}'

        """;
}
