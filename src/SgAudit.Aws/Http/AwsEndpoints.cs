namespace SgAudit.Aws.Http;

/// <summary>
/// Where a service's calls go: the public regional endpoint, or the override (<c>--endpoint-url</c>), which then
/// receives every call of every service, the signing region still telling the server which region is meant.
/// </summary>
internal static class AwsEndpoints
{
    public static Uri For(string service, string region, Uri? endpointOverride)
    {
        if (endpointOverride is not null)
        {
            return endpointOverride;
        }

        // China regions live under their own domain.
        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service}.{region}.{domain}/");
    }
}
