using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Builds ARNs for resources whose API shape carries none, with the partition the region belongs to.</summary>
public static class Arns
{
    public static string For(ResourceKind kind, string accountId, string region, string resourceId)
    {
        var partition = region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : "aws";
        var type = kind == ResourceKind.NetworkAcl ? "network-acl" : "security-group";
        return $"arn:{partition}:ec2:{region}:{accountId}:{type}/{resourceId}";
    }
}
