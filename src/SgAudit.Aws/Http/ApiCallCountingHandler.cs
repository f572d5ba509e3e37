namespace SgAudit.Aws.Http;

/// <summary>Counts every attempt that goes out. It sits inside the retry loop, so a retried call counts each time.</summary>
internal sealed class ApiCallCountingHandler(ApiCallCounter counter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.RecordCall(AwsRequestOptions.Describe(request));
        return base.SendAsync(request, cancellationToken);
    }
}
