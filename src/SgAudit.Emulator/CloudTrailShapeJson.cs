using System.Text.Json;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.CloudTrail.Shapes;

namespace SgAudit.Emulator;

/// <summary>
/// CloudTrail shapes as JSON 1.1 members (names per the botocore CloudTrail model). Absent values are left out;
/// timestamps are epoch seconds as JSON numbers, with milliseconds as a decimal fraction.
/// </summary>
internal static class CloudTrailShapeJson
{
    public static void Trails(Utf8JsonWriter json, IEnumerable<TrailShape> trails)
    {
        json.WriteStartObject();
        json.WriteStartArray("trailList");
        foreach (var trail in trails)
        {
            json.WriteStartObject();
            String(json, "Name", trail.Name);
            String(json, "S3BucketName", trail.S3BucketName);
            Boolean(json, "IncludeGlobalServiceEvents", trail.IncludeGlobalServiceEvents);
            Boolean(json, "IsMultiRegionTrail", trail.IsMultiRegionTrail);
            String(json, "HomeRegion", trail.HomeRegion);
            String(json, "TrailARN", trail.TrailARN);
            Boolean(json, "LogFileValidationEnabled", trail.LogFileValidationEnabled);
            Boolean(json, "HasCustomEventSelectors", trail.HasCustomEventSelectors);
            Boolean(json, "IsOrganizationTrail", trail.IsOrganizationTrail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void TrailStatus(Utf8JsonWriter json, TrailStatusShape status)
    {
        json.WriteStartObject();
        Boolean(json, "IsLogging", status.IsLogging);
        Timestamp(json, "StartLoggingTime", status.StartLoggingTime);
        Timestamp(json, "StopLoggingTime", status.StopLoggingTime);
        Timestamp(json, "LatestDeliveryTime", status.LatestDeliveryTime);
        String(json, "LatestDeliveryError", status.LatestDeliveryError);
        json.WriteEndObject();
    }

    public static void EventSelectors(Utf8JsonWriter json, EventSelectorsShape selectors)
    {
        json.WriteStartObject();
        String(json, "TrailARN", selectors.TrailARN);
        if (selectors.EventSelectors is { } basic)
        {
            json.WriteStartArray("EventSelectors");
            foreach (var selector in basic)
            {
                json.WriteStartObject();
                String(json, "ReadWriteType", selector.ReadWriteType);
                Boolean(json, "IncludeManagementEvents", selector.IncludeManagementEvents);
                Strings(json, "ExcludeManagementEventSources", selector.ExcludeManagementEventSources);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (selectors.AdvancedEventSelectors is { } advanced)
        {
            json.WriteStartArray("AdvancedEventSelectors");
            foreach (var selector in advanced)
            {
                json.WriteStartObject();
                String(json, "Name", selector.Name);
                if (selector.FieldSelectors is { } fields)
                {
                    json.WriteStartArray("FieldSelectors");
                    foreach (var field in fields)
                    {
                        json.WriteStartObject();
                        String(json, "Field", field.Field);
                        Strings(json, "Equals", field.EqualTo);
                        Strings(json, "StartsWith", field.StartsWith);
                        Strings(json, "EndsWith", field.EndsWith);
                        Strings(json, "NotEquals", field.NotEquals);
                        Strings(json, "NotStartsWith", field.NotStartsWith);
                        Strings(json, "NotEndsWith", field.NotEndsWith);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void Events(Utf8JsonWriter json, LookupEventsPage page)
    {
        json.WriteStartObject();
        json.WriteStartArray("Events");
        foreach (var item in page.Events)
        {
            json.WriteStartObject();
            String(json, "EventId", item.EventId);
            String(json, "EventName", item.EventName);
            String(json, "ReadOnly", item.ReadOnly);
            String(json, "AccessKeyId", item.AccessKeyId);
            Timestamp(json, "EventTime", item.EventTime);
            String(json, "EventSource", item.EventSource);
            String(json, "Username", item.Username);
            if (item.Resources is { } resources)
            {
                json.WriteStartArray("Resources");
                foreach (var resource in resources)
                {
                    json.WriteStartObject();
                    String(json, "ResourceType", resource.ResourceType);
                    String(json, "ResourceName", resource.ResourceName);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            String(json, "CloudTrailEvent", item.CloudTrailEvent);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        String(json, "NextToken", page.NextToken);
        json.WriteEndObject();
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Boolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
    }

    private static void Timestamp(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            // decimal keeps the milliseconds exact (a double would print 1700000000.1230001).
            json.WriteNumber(name, time.ToUnixTimeMilliseconds() / 1000m);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, List<string>? values)
    {
        if (values is null)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
