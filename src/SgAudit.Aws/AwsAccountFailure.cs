namespace SgAudit.Aws;

/// <summary>An account SgAudit could not get into: the role it tried and STS's error code and message.</summary>
public sealed record AwsAccountFailure(string AccountId, string RoleArn, string ErrorCode, string ErrorMessage);
