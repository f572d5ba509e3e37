namespace SgAudit.Core.Model;

/// <summary>
/// An account or region the scan was asked to cover but could not read completely. It is never a pass:
/// the scan reports it and exits 3.
/// </summary>
public sealed record NotAssessedScope(string AccountId, string? Region, string ErrorCode, string Message);
