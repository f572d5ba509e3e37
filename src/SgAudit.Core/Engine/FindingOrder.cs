namespace SgAudit.Core.Engine;

/// <summary>The one order findings appear in everywhere: rule, account, region, resource, evidence; ordinal, culture-invariant.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.AccountId, y.AccountId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Region, y.Region);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.ResourceId, y.ResourceId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Evidence.Key, y.Evidence.Key);
        }

        return c;
    }
}
