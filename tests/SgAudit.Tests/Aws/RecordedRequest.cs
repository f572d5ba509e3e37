using System.Web;

namespace SgAudit.Tests.Aws;

/// <summary>A request as the fake server received it: signed, with its body as text.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    /// <summary>The EC2 Action form field, or the CloudTrail operation from X-Amz-Target.</summary>
    public string Operation => Headers.TryGetValue("X-Amz-Target", out var target)
        ? target[(target.LastIndexOf('.') + 1)..]
        : HttpUtility.ParseQueryString(Body)["Action"] ?? "";

    public string Authorization => Headers.TryGetValue("Authorization", out var value) ? value : "";
}
