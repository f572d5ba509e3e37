using System.Collections.Immutable;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;

namespace SgAudit.Tests.Suppressions;

/// <summary>Hand-made findings and suppressions for matcher tests: each finding differs from the others in one selector.</summary>
internal static class SuppressionTestFindings
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";

    public static Finding Finding(
        string ruleId,
        string resourceId,
        string name = "web",
        string account = Account,
        string region = "eu-west-1",
        string? vpc = "vpc-0aaa",
        ResourceKind kind = ResourceKind.SecurityGroup) =>
        new(ruleId, Severity.High, account, region, kind, resourceId, name)
        {
            VpcId = vpc,
            ResourceArn = $"arn:aws:ec2:{region}:{account}:security-group/{resourceId}",
            Evidence = Evidence.ForResource("test"),
            Message = $"{resourceId} fails {ruleId}",
            Fingerprint = $"{ruleId}/{account}/{region}/{resourceId}",
        };

    public static Suppression Config(ResourceSelector selector, int line, params string[] ruleIds) =>
        new([.. ruleIds], selector, $"reason {line}", SuppressionSource.Config("sgaudit.yaml", line));

    public static Suppression Tag(Finding finding, params string[] ruleIds) =>
        new([.. ruleIds], ResourceSelector.ForResource(finding.AccountId, finding.Region, finding.ResourceKind, finding.ResourceId), "tag reason",
            SuppressionSource.Tag(finding.AccountId, finding.Region, finding.ResourceKind, finding.ResourceId));

    /// <summary>The ids of the findings a suppression was applied to.</summary>
    public static string[] SuppressedIds(ImmutableArray<Finding> findings) =>
        [.. findings.Where(f => f.Suppression is not null).Select(f => $"{f.RuleId}:{f.ResourceId}")];
}
