using System.Net;
using Amazon.Runtime;
using SgAudit.Aws.Http;
using SgAudit.Collectors;

namespace SgAudit.Aws.Credentials;

/// <summary>Turns what the SDK's STS client throws into <see cref="AwsApiException"/> with STS's error code.</summary>
internal static class StsErrors
{
    public static AwsApiException ToAwsApiException(Exception exception, string operation) => exception switch
    {
        AwsApiException api => api,
        AmazonServiceException service when !string.IsNullOrEmpty(service.ErrorCode) =>
            new AwsApiException(service.ErrorCode, service.Message, (int)service.StatusCode),
        AmazonServiceException service when service.StatusCode != 0 =>
            new AwsApiException(AwsErrorParser.CodeForStatus(service.StatusCode), $"{operation} answered HTTP {(int)service.StatusCode}.", (int)service.StatusCode),
        AmazonClientException or HttpRequestException or IOException or AmazonServiceException =>
            new AwsApiException("ConnectionFailed", $"{operation} could not be sent: {exception.Message}"),
        _ => new AwsApiException("StsError", $"{operation} failed: {exception.Message}", (int)HttpStatusCode.InternalServerError),
    };

    /// <summary>Whether <see cref="ToAwsApiException"/> knows the exception (anything else is a bug and propagates).</summary>
    public static bool IsStsFailure(Exception exception) =>
        exception is AwsApiException or AmazonClientException or HttpRequestException or IOException;
}
