namespace SgAudit.Aws.Accounts;

/// <summary>A role to assume and the account it belongs to (from its ARN), with an optional display name.</summary>
internal sealed record RoleTarget(string RoleArn, string AccountId, string? DisplayName);
