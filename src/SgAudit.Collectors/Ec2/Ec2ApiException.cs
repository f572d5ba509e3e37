namespace SgAudit.Collectors.Ec2;

/// <summary>An EC2 error response: its code (UnauthorizedOperation, RequestLimitExceeded, …) and message. Never carries credentials.</summary>
public sealed class Ec2ApiException(string errorCode, string message, int? httpStatus = null) : Exception($"{errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    /// <summary>The service's message without the code.</summary>
    public string ErrorMessage { get; } = message;
    public int? HttpStatus { get; } = httpStatus;
}
