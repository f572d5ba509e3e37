using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Aws.CloudTrail;

/// <summary>
/// Reads CloudTrail JSON 1.1 answers into the shape classes. Timestamps are epoch seconds, possibly fractional or in
/// exponent form (1.7E9), so they are read as doubles; JSON null stands for a missing field. Throws
/// <see cref="JsonException"/> on a document that is not the expected answer.
/// </summary>
internal static class CloudTrailResponseParser
{
    public static ImmutableArray<TrailShape> ParseTrails(byte[] body)
    {
        using var document = Parse(body);
        return [.. Array(document.RootElement, "trailList").Select(ReadTrail)];
    }

    public static TrailStatusShape ParseTrailStatus(byte[] body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        return new TrailStatusShape
        {
            IsLogging = Bool(root, "IsLogging"),
            StartLoggingTime = Time(root, "StartLoggingTime"),
            StopLoggingTime = Time(root, "StopLoggingTime"),
            LatestDeliveryTime = Time(root, "LatestDeliveryTime"),
            LatestDeliveryError = String(root, "LatestDeliveryError"),
        };
    }

    public static EventSelectorsShape ParseEventSelectors(byte[] body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        return new EventSelectorsShape
        {
            TrailARN = String(root, "TrailARN"),
            EventSelectors = OptionalList(root, "EventSelectors", s => new EventSelectorShape
            {
                ReadWriteType = String(s, "ReadWriteType"),
                IncludeManagementEvents = Bool(s, "IncludeManagementEvents"),
                ExcludeManagementEventSources = Strings(s, "ExcludeManagementEventSources"),
            }),
            AdvancedEventSelectors = OptionalList(root, "AdvancedEventSelectors", s => new AdvancedEventSelectorShape
            {
                Name = String(s, "Name"),
                FieldSelectors = OptionalList(s, "FieldSelectors", f => new AdvancedFieldSelectorShape
                {
                    Field = String(f, "Field"),
                    EqualTo = Strings(f, "Equals"),
                    NotEquals = Strings(f, "NotEquals"),
                    StartsWith = Strings(f, "StartsWith"),
                    NotStartsWith = Strings(f, "NotStartsWith"),
                    EndsWith = Strings(f, "EndsWith"),
                    NotEndsWith = Strings(f, "NotEndsWith"),
                }),
            }),
        };
    }

    public static LookupEventsPage ParseLookupEvents(byte[] body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        var events = Array(root, "Events").Select(e => new CloudTrailEventShape
        {
            EventId = String(e, "EventId"),
            EventName = String(e, "EventName"),
            ReadOnly = String(e, "ReadOnly"),
            AccessKeyId = String(e, "AccessKeyId"),
            EventTime = Time(e, "EventTime"),
            EventSource = String(e, "EventSource"),
            Username = String(e, "Username"),
            Resources = OptionalList(e, "Resources", r => new CloudTrailResourceShape
            {
                ResourceType = String(r, "ResourceType"),
                ResourceName = String(r, "ResourceName"),
            }),
            CloudTrailEvent = String(e, "CloudTrailEvent"),
        });
        var token = String(root, "NextToken");
        return new LookupEventsPage([.. events], string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Epoch seconds (1700000000, 1700000000.123, 1.7E9) as an instant, to the millisecond.</summary>
    public static DateTimeOffset FromEpochSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < 253_402_300_799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero))
            : throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"{seconds} is not a timestamp in epoch seconds."));

    private static TrailShape ReadTrail(JsonElement trail) => new()
    {
        Name = String(trail, "Name"),
        TrailARN = String(trail, "TrailARN"),
        HomeRegion = String(trail, "HomeRegion"),
        IsMultiRegionTrail = Bool(trail, "IsMultiRegionTrail"),
        IsOrganizationTrail = Bool(trail, "IsOrganizationTrail"),
        IncludeGlobalServiceEvents = Bool(trail, "IncludeGlobalServiceEvents"),
        HasCustomEventSelectors = Bool(trail, "HasCustomEventSelectors"),
        LogFileValidationEnabled = Bool(trail, "LogFileValidationEnabled"),
        S3BucketName = String(trail, "S3BucketName"),
    };

    private static JsonDocument Parse(byte[] body)
    {
        // moto accepts and sometimes answers an empty body for "no fields".
        var document = body.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new JsonException("the answer is not a JSON object.");
        }

        return document;
    }

    private static JsonElement? Field(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement parent, string name) => Field(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => value.GetRawText(), // a number or boolean where a string is documented: keep its text
    };

    private static bool? Bool(JsonElement parent, string name) => Field(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var parsed) => parsed,
        _ => throw new JsonException($"{name} is not true or false."),
    };

    private static DateTimeOffset? Time(JsonElement parent, string name)
    {
        switch (Field(parent, name))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.Number } number:
                return FromEpochSeconds(number.GetDouble());
            case { ValueKind: JsonValueKind.String } text:
                var s = text.GetString();
                if (string.IsNullOrWhiteSpace(s))
                {
                    return null; // moto answers "" for a time that never happened
                }

                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return FromEpochSeconds(seconds);
                }

                return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new JsonException($"{name} '{s}' is not a timestamp.");
            default:
                throw new JsonException($"{name} is not a timestamp.");
        }
    }

    private static JsonElement[] Array(JsonElement parent, string name) => Field(parent, name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray()],
        _ => throw new JsonException($"{name} is not a list."),
    };

    private static List<T>? OptionalList<T>(JsonElement parent, string name, Func<JsonElement, T> read) =>
        Field(parent, name) is null ? null : [.. Array(parent, name).Select(read)];

    private static List<string>? Strings(JsonElement parent, string name) =>
        OptionalList(parent, name, e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText());
}
