using System.Collections.Frozen;
using System.Net;

namespace SgAudit.Aws.Http;

/// <summary>
/// Which answers are worth another attempt: throttling (by code, or HTTP 429/503), server errors (5xx) and bodies
/// that arrived cut off. Everything else is final: access errors (AccessDenied, UnauthorizedOperation, AuthFailure,
/// ExpiredToken, InvalidClientTokenId, …) and any other 4xx would fail the same way again.
/// </summary>
internal static class AwsRetryPolicy
{
    public static FrozenSet<string> ThrottlingCodes { get; } = new[]
    {
        "RequestLimitExceeded", "Throttling", "ThrottlingException", "ThrottledException", "EC2ThrottledException",
        "RequestThrottled", "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "SlowDown", "BandwidthLimitExceeded", "PriorRequestNotComplete", "TransactionInProgressException",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Codes that arrive with a retryable status but mean the request itself is refused.</summary>
    public static FrozenSet<string> FinalCodes { get; } = new[]
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthFailure", "ExpiredToken", "ExpiredTokenException",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "OptInRequired", "UnrecognizedClientException",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a failed answer (status and parsed code) should be tried again.</summary>
    public static bool IsRetryable(HttpStatusCode status, string code)
    {
        if (FinalCodes.Contains(code))
        {
            return false;
        }

        return ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests || (int)status >= 500;
    }
}
