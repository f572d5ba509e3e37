namespace SgAudit.Reporting.ViewModels;

/// <summary>A finding in the HTML findings table with the number of its resource's card (<c>#g-N</c>), or 0 when the resource has none (beyond the card limit).</summary>
public sealed record FindingRowView(FindingView Finding, int Group);
