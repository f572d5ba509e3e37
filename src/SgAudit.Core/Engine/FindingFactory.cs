using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Makes a finding from a rule's verdict and one piece of its evidence, with its message.</summary>
internal static class FindingFactory
{
    /// <summary>FindingOrder within one (region, rule) pair, where rule, account and region are the same for all.</summary>
    public static readonly IComparer<Finding> ResourceAndEvidenceOrder = Comparer<Finding>.Create(static (x, y) =>
    {
        var c = string.CompareOrdinal(x.ResourceId, y.ResourceId);
        return c != 0 ? c : string.CompareOrdinal(x.Evidence.Key, y.Evidence.Key);
    });

    public static Finding Create(ResolvedRule rule, RegionInventory region, ResourceVerdict verdict, string arn, Evidence evidence, string fingerprint)
    {
        return new Finding(rule.Id, rule.Severity, region.AccountId, region.Region, verdict.Kind, verdict.ResourceId, verdict.ResourceName)
        {
            VpcId = verdict.VpcId,
            ResourceArn = arn,
            Evidence = evidence,
            Message = MessageFormatter.Format(rule.Definition.Message, verdict, evidence),
            Fingerprint = fingerprint,
        };
    }
}
