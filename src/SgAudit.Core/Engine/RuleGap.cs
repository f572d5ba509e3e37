namespace SgAudit.Core.Engine;

/// <summary>A rule that could not be assessed in one account/region, and why. Reported; never counted as a pass.</summary>
public sealed record RuleGap(string RuleId, string AccountId, string? Region, string Reason);
