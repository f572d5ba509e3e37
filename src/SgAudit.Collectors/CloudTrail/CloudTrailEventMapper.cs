using System.Collections.Frozen;
using System.Text.Json;
using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Core.CloudTrail;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>Turns a LookupEvents event into a <see cref="GroupChange"/> when it is a call that changes a security group.</summary>
public static class CloudTrailEventMapper
{
    /// <summary>The EC2 calls that create a group or change its rules (DeleteSecurityGroup leaves nothing to attribute a finding to).</summary>
    public static readonly FrozenSet<string> GroupChangeEvents = FrozenSet.ToFrozenSet(
    [
        "AuthorizeSecurityGroupIngress",
        "AuthorizeSecurityGroupEgress",
        "RevokeSecurityGroupIngress",
        "RevokeSecurityGroupEgress",
        "ModifySecurityGroupRules",
        "CreateSecurityGroup",
        "UpdateSecurityGroupRuleDescriptionsIngress",
        "UpdateSecurityGroupRuleDescriptionsEgress",
    ], StringComparer.Ordinal);

    /// <summary>The change, or null when the event is not a group change or lacks its name or time.</summary>
    public static GroupChange? ToGroupChange(CloudTrailEventShape shape, string accountId, string region, string groupId)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.EventName is not { } name || !GroupChangeEvents.Contains(name) || shape.EventTime is not { } time)
        {
            return null;
        }

        var (arn, principal, sourceIp) = ReadRecord(shape.CloudTrailEvent);
        var actor = arn ?? NonEmpty(shape.Username) ?? principal ?? "unknown";
        return new GroupChange(accountId, region, groupId, name, time.ToUniversalTime(), actor, shape.EventId ?? "") { SourceIp = sourceIp };
    }

    /// <summary>userIdentity.arn, userIdentity.principalId and sourceIPAddress from the event record; a record that is not JSON gives nothing.</summary>
    private static (string? Arn, string? PrincipalId, string? SourceIp) ReadRecord(string? record)
    {
        if (string.IsNullOrWhiteSpace(record))
        {
            return (null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(record);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var root = document.RootElement;
            string? arn = null;
            string? principal = null;
            if (root.TryGetProperty("userIdentity", out var identity) && identity.ValueKind == JsonValueKind.Object)
            {
                arn = Text(identity, "arn");
                principal = Text(identity, "principalId");
            }

            return (arn, principal, Text(root, "sourceIPAddress"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? NonEmpty(value.GetString()) : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
