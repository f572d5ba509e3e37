using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace SgAudit.Aws.Http;

/// <summary>
/// Builds one account's handler chain: retry pipeline → call counter → SigV4 signing → transport. The signing
/// handler is inside the retry loop, so each attempt is signed afresh; region and service are set per request.
/// </summary>
internal static class AwsHttpClientFactory
{
    public static HttpClient Create(AWSCredentials credentials, AwsTransportSettings settings, ApiCallCounter counter, RequestSpacer? spacer, HttpMessageHandler transport)
    {
        // The region and service given here are defaults only: every request names its own (AwsRequestOptions).
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.USEast1, "ec2", new SharedTransportHandler(transport));
        var counting = new ApiCallCountingHandler(counter) { InnerHandler = signing };
        var resilience = new AwsResilienceHandler(settings, counter, spacer) { InnerHandler = counting };

        // The pipeline times each attempt; HttpClient's own 100 s limit would cut across retries.
        return new HttpClient(resilience, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
