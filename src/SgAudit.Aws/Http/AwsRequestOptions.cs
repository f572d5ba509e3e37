using Amazon.Runtime.Signing;

namespace SgAudit.Aws.Http;

/// <summary>
/// What a request carries for the handlers below the client: the operation (for counting and error messages), the
/// signing region and service (read by <see cref="SigV4SigningHandler"/>), the body format a success must have, and
/// an optional rate-limit key.
/// </summary>
internal static class AwsRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("SgAudit.Aws.Operation");
    public static readonly HttpRequestOptionsKey<string> Region = new(SigV4SigningHandler.RegionOptionKey);
    public static readonly HttpRequestOptionsKey<string> Service = new(SigV4SigningHandler.ServiceOptionKey);
    public static readonly HttpRequestOptionsKey<ResponseFormat> Format = new("SgAudit.Aws.ResponseFormat");
    public static readonly HttpRequestOptionsKey<string> RateLimitKey = new("SgAudit.Aws.RateLimitKey");

    /// <summary>"ec2:DescribeSecurityGroups": the name the call counter and messages use.</summary>
    public static string Describe(HttpRequestMessage request) =>
        request.Options.TryGetValue(Operation, out var operation) ? operation : "unknown";
}
