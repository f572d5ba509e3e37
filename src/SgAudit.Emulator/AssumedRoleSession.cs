namespace SgAudit.Emulator;

/// <summary>A session the emulator's STS issued: who GetCallerIdentity reports for its access key.</summary>
internal sealed record AssumedRoleSession(string AccountId, string AssumedRoleId, string Arn);
