namespace SgAudit.Core.Suppressions;

/// <summary>What became of a suppression in one scan.</summary>
public enum SuppressionStatus
{
    /// <summary>In force, and it matched at least one finding.</summary>
    Applied,

    /// <summary>Past its <c>until</c> date: it suppresses nothing, so the findings it matches count again.</summary>
    Expired,

    /// <summary>In force but it matched no finding (the resource was fixed or removed, or the selector is wrong).</summary>
    Stale,

    /// <summary>A tag that could not be read as a suppression; it suppresses nothing (fail closed).</summary>
    Invalid,
}
