namespace SgAudit.Reporting.ViewModels;

/// <summary>An account or region the scan could not read; <see cref="Region"/> null means every region of the account.</summary>
public sealed record NotAssessedView(string AccountId, string? Region, string ErrorCode, string Message);
