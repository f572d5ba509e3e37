namespace SgAudit.Reporting.ViewModels;

/// <summary>A suppression's selectors as written; a tag's is its own resource (account, region and exact id).</summary>
public sealed record SuppressionSelectorView(string? ResourceId, string? ResourceName, string? VpcId, string? AccountId, string? Region);
