using System.Net;
using System.Text;
using System.Xml.Linq;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>Raw requests to a served emulator, with a SigV4-looking Authorization header (the server reads its scope, not its signature).</summary>
internal static class EmulatorHttp
{
    public const string DefaultAccessKey = "testing";

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<QueryAnswer> QueryAsync(Uri endpoint, string service, string region, IEnumerable<KeyValuePair<string, string>> parameters, string accessKey = DefaultAccessKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(accessKey, region, service));
        return await SendQueryAsync(request);
    }

    public static Task<QueryAnswer> Ec2Async(Uri endpoint, string region, string action, string accessKey = DefaultAccessKey, params (string Name, string Value)[] parameters) =>
        QueryAsync(endpoint, "ec2", region, [new("Action", action), new("Version", "2016-11-15"), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))], accessKey);

    public static async Task<QueryAnswer> SendQueryAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.Single() : null;
        return new QueryAnswer(response.StatusCode, XDocument.Parse(body).Root!, requestId, body);
    }

    public static async Task<(HttpStatusCode Status, string Body)> CloudTrailAsync(Uri endpoint, string region, string operation, string body, string accessKey = DefaultAccessKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(accessKey, region, "cloudtrail"));
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101." + operation);
        using var response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string Authorization(string accessKey, string region, string service) =>
        $"AWS4-HMAC-SHA256 Credential={accessKey}/20250101/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
}
