namespace SgAudit.Aws.Accounts;

/// <summary>One account of an accounts file: the 12-digit id, an optional display name, and its line.</summary>
internal sealed record AccountEntry(string AccountId, string? Name, int Line);
