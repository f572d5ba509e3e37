using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Emulator;

/// <summary>
/// CloudTrail's JSON 1.1 protocol over <see cref="ICloudTrailApi"/>: routes by <c>X-Amz-Target</c>, reads the JSON
/// request, and answers JSON, or HTTP 400 <c>{"__type","message"}</c> with the API's error code.
/// </summary>
internal sealed class CloudTrailJsonService(TimeProvider timeProvider)
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    /// <summary>How far back LookupEvents looks without a StartTime: CloudTrail keeps 90 days of events.</summary>
    public static readonly TimeSpan LookupHistory = TimeSpan.FromDays(90);

    public static string? OperationOf(string? target) =>
        target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null;

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, EmulatedAccount? account, CancellationToken cancellationToken)
    {
        var operation = OperationOf(request.Target);
        if (operation is null)
        {
            return ErrorResponses.CloudTrail("UnknownOperationException", $"The operation target '{request.Target}' is not a CloudTrail operation.");
        }

        if (account?.CloudTrail is not { } api)
        {
            return ErrorResponses.CloudTrail("UnsupportedOperationException", $"The SgAudit emulator serves no CloudTrail data for account {account?.Id ?? "(none)"}.");
        }

        try
        {
            using var body = ParseBody(request.Body);
            var input = body.RootElement;
            var region = request.Region;
            switch (operation)
            {
                case "DescribeTrails":
                    var trails = await api.DescribeTrailsAsync(region, cancellationToken).ConfigureAwait(false);
                    return Answer(json => CloudTrailShapeJson.Trails(json, SelectTrails(input, region, trails)));
                case "GetTrailStatus":
                    var status = await api.GetTrailStatusAsync(region, RequiredString(input, "Name"), cancellationToken).ConfigureAwait(false);
                    return Answer(json => CloudTrailShapeJson.TrailStatus(json, status));
                case "GetEventSelectors":
                    var selectors = await api.GetEventSelectorsAsync(region, RequiredString(input, "TrailName"), cancellationToken).ConfigureAwait(false);
                    return Answer(json => CloudTrailShapeJson.EventSelectors(json, selectors));
                case "LookupEvents":
                    var events = await api.LookupEventsAsync(region, ReadLookupEvents(input), cancellationToken).ConfigureAwait(false);
                    return Answer(json => CloudTrailShapeJson.Events(json, events));
                default:
                    return ErrorResponses.CloudTrail("UnknownOperationException", $"The SgAudit emulator does not serve CloudTrail operation {operation}.");
            }
        }
        catch (AwsApiException error)
        {
            return ErrorResponses.CloudTrail(error.ErrorCode, error.ErrorMessage);
        }
    }

    /// <summary>DescribeTrails's own filters: trailNameList (names or ARNs) and includeShadowTrails (default true).</summary>
    private static IEnumerable<TrailShape> SelectTrails(JsonElement input, string region, ImmutableArray<TrailShape> trails)
    {
        IEnumerable<TrailShape> selected = trails;
        if (OptionalStrings(input, "trailNameList") is { Count: > 0 } names)
        {
            selected = selected.Where(t => names.Contains(t.Name ?? string.Empty) || names.Contains(t.TrailARN ?? string.Empty));
        }

        if (OptionalBoolean(input, "includeShadowTrails") == false)
        {
            selected = selected.Where(t => t.HomeRegion is null || string.Equals(t.HomeRegion, region, StringComparison.Ordinal));
        }

        return selected;
    }

    private LookupEventsRequest ReadLookupEvents(JsonElement input)
    {
        if (input.TryGetProperty("EventCategory", out _))
        {
            throw new AwsApiException("UnsupportedOperationException", "The SgAudit emulator serves management events only, not Insights events.", 400);
        }

        var resourceName = ReadResourceNameAttribute(input);
        var now = timeProvider.GetUtcNow();
        var end = OptionalTimestamp(input, "EndTime") ?? now;
        var start = OptionalTimestamp(input, "StartTime") ?? now - LookupHistory;
        if (start > end)
        {
            throw new AwsApiException("InvalidTimeRangeException", "Start time must be before end time.", 400);
        }

        var maxResults = LookupEventsRequest.Maximum;
        if (input.TryGetProperty("MaxResults", out var max) && (max.ValueKind != JsonValueKind.Number || !max.TryGetInt32(out maxResults) || maxResults is < 1 or > LookupEventsRequest.Maximum))
        {
            throw new AwsApiException("InvalidMaxResultsException", "MaxResults must be between 1 and 50.", 400);
        }

        return new LookupEventsRequest(resourceName, start, end, maxResults, OptionalString(input, "NextToken"));
    }

    /// <summary>CloudTrail takes at most one lookup attribute; the emulated API (like SgAudit) looks events up by ResourceName.</summary>
    private static string ReadResourceNameAttribute(JsonElement input)
    {
        if (!input.TryGetProperty("LookupAttributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null)
        {
            attributes = default;
        }
        else if (attributes.ValueKind != JsonValueKind.Array || attributes.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.Object))
        {
            throw new AwsApiException("SerializationException", "'LookupAttributes' must be a list of {AttributeKey, AttributeValue}.", 400);
        }

        if (attributes.ValueKind != JsonValueKind.Array || attributes.GetArrayLength() == 0)
        {
            throw new AwsApiException("InvalidLookupAttributesException", "The SgAudit emulator looks events up by resource: give one lookup attribute with AttributeKey ResourceName.", 400);
        }

        if (attributes.GetArrayLength() > 1)
        {
            throw new AwsApiException("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.", 400);
        }

        var attribute = attributes[0];
        var key = OptionalString(attribute, "AttributeKey");
        if (key != "ResourceName")
        {
            throw new AwsApiException("InvalidLookupAttributesException", $"The SgAudit emulator looks events up by ResourceName only, not by {key}.", 400);
        }

        return RequiredString(attribute, "AttributeValue");
    }

    private static EmulatorResponse Answer(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return new EmulatorResponse(200, EmulatorResponse.JsonContentType, buffer.ToArray());
    }

    private static JsonDocument ParseBody(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        }
        catch (JsonException error)
        {
            throw new AwsApiException("SerializationException", $"The request body is not valid JSON: {error.Message}", 400);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new AwsApiException("SerializationException", "The request body must be a JSON object.", 400);
        }

        return document;
    }

    private static string RequiredString(JsonElement input, string name) =>
        OptionalString(input, name) ?? throw new AwsApiException("ValidationException", $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null", 400);

    private static string? OptionalString(JsonElement input, string name) =>
        !input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new AwsApiException("SerializationException", $"'{name}' must be a string.", 400);

    private static bool? OptionalBoolean(JsonElement input, string name) =>
        !input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new AwsApiException("SerializationException", $"'{name}' must be a boolean.", 400);

    private static List<string>? OptionalStrings(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new AwsApiException("SerializationException", $"'{name}' must be a list of strings.", 400);
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>A timestamp as SDKs send it: epoch seconds (a number, possibly fractional), or ISO 8601 text.</summary>
    private static DateTimeOffset? OptionalTimestamp(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var seconds))
        {
            return FromEpochSeconds(seconds, name);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
            {
                return FromEpochSeconds(seconds, name);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }
        }

        throw new AwsApiException("SerializationException", $"'{name}' must be a timestamp (epoch seconds).", 400);
    }

    private static DateTimeOffset FromEpochSeconds(decimal seconds, string name)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(decimal.ToInt64(decimal.Round(seconds * 1000m)));
        }
        catch (Exception error) when (error is OverflowException or ArgumentOutOfRangeException)
        {
            throw new AwsApiException("SerializationException", $"'{name}' is out of range.", 400);
        }
    }
}
