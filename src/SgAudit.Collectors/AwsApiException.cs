namespace SgAudit.Collectors;

/// <summary>
/// An AWS error response (EC2, CloudTrail, STS): its code (UnauthorizedOperation, RequestLimitExceeded, …) and
/// message. Never carries credentials.
/// </summary>
public sealed class AwsApiException(string errorCode, string message, int? httpStatus = null) : Exception($"{errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    /// <summary>The service's message without the code.</summary>
    public string ErrorMessage { get; } = message;
    public int? HttpStatus { get; } = httpStatus;
}
