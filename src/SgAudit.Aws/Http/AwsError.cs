namespace SgAudit.Aws.Http;

/// <summary>An error an AWS service answered: its code and message.</summary>
internal sealed record AwsError(string Code, string Message);
