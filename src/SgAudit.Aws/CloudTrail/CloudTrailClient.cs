using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text.Json;
using SgAudit.Aws.Http;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Aws.CloudTrail;

/// <summary>
/// The live CloudTrail client: JSON 1.1 POSTs (<c>X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.&lt;Op&gt;</c>)
/// to <c>https://cloudtrail.&lt;region&gt;.amazonaws.com/</c> or the endpoint override. LookupEvents carries a
/// rate-limit key for its account and region, so the handler chain keeps it within CloudTrail's 2 requests/s.
/// </summary>
internal sealed class CloudTrailClient(HttpClient http, AwsTransportSettings settings, Uri? endpointOverride, string accountId) : ICloudTrailApi
{
    private const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly AwsServiceCaller _caller = new(http, settings);

    public Task<ImmutableArray<TrailShape>> DescribeTrailsAsync(string region, CancellationToken cancellationToken) =>
        CallAsync("DescribeTrails", region, w =>
        {
            w.WriteBoolean("includeShadowTrails", true);
        }, CloudTrailResponseParser.ParseTrails, rateLimited: false, cancellationToken);

    public Task<TrailStatusShape> GetTrailStatusAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) =>
        CallAsync("GetTrailStatus", region, w => w.WriteString("Name", trailNameOrArn), CloudTrailResponseParser.ParseTrailStatus, rateLimited: false, cancellationToken);

    public Task<EventSelectorsShape> GetEventSelectorsAsync(string region, string trailNameOrArn, CancellationToken cancellationToken) =>
        CallAsync("GetEventSelectors", region, w => w.WriteString("TrailName", trailNameOrArn), CloudTrailResponseParser.ParseEventSelectors, rateLimited: false, cancellationToken);

    public Task<LookupEventsPage> LookupEventsAsync(string region, LookupEventsRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.MaxResults, LookupEventsRequest.Maximum);
        return CallAsync("LookupEvents", region, w => WriteLookupEvents(w, request), CloudTrailResponseParser.ParseLookupEvents, rateLimited: true, cancellationToken);
    }

    /// <summary>The LookupEvents body: one ResourceName attribute, the window in epoch seconds, MaxResults, NextToken.</summary>
    internal static void WriteLookupEvents(Utf8JsonWriter writer, LookupEventsRequest request)
    {
        writer.WriteStartArray("LookupAttributes");
        writer.WriteStartObject();
        writer.WriteString("AttributeKey", "ResourceName");
        writer.WriteString("AttributeValue", request.ResourceName);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("StartTime", request.StartTime.ToUnixTimeSeconds());
        writer.WriteNumber("EndTime", request.EndTime.ToUnixTimeSeconds());
        writer.WriteNumber("MaxResults", request.MaxResults);
        if (request.NextToken is not null)
        {
            writer.WriteString("NextToken", request.NextToken);
        }
    }

    internal static byte[] Body(Action<Utf8JsonWriter> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<T> CallAsync<T>(string action, string region, Action<Utf8JsonWriter> writeFields, Func<byte[], T> parse, bool rateLimited, CancellationToken cancellationToken)
    {
        var operation = "cloudtrail:" + action;
        var content = new ByteArrayContent(Body(writeFields));
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, AwsEndpoints.For("cloudtrail", region, endpointOverride)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + action);
        request.Options.Set(AwsRequestOptions.Operation, operation);
        request.Options.Set(AwsRequestOptions.Region, region);
        request.Options.Set(AwsRequestOptions.Service, "cloudtrail");
        request.Options.Set(AwsRequestOptions.Format, ResponseFormat.Json);
        if (rateLimited)
        {
            request.Options.Set(AwsRequestOptions.RateLimitKey, $"{accountId}/{region}/{action}");
        }

        var body = await _caller.SendAsync(request, cancellationToken);
        try
        {
            return parse(body);
        }
        catch (JsonException ex)
        {
            throw AwsServiceCaller.Unreadable(operation, region, ex);
        }
    }
}
