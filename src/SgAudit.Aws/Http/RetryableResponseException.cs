namespace SgAudit.Aws.Http;

/// <summary>
/// Carries an answer that deserves another attempt (throttled, 5xx, cut off) through the retry strategy. When the
/// retries run out, the handler unwraps it and returns the last answer, so the client reports the service's error.
/// </summary>
internal sealed class RetryableResponseException(HttpResponseMessage response, string reason) : Exception(reason)
{
    public HttpResponseMessage Response { get; } = response;
}
