using System.Text.Json;

namespace SgAudit.Reporting.ReportJson;

/// <summary>
/// report.json's per-finding member names, encoded once: written as plain strings, every one of them was checked for
/// escaping and transcoded to UTF-8 again for each of 100,000s of findings.
/// </summary>
internal static class FindingJsonNames
{
    public static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    public static readonly JsonEncodedText AccountId = JsonEncodedText.Encode("accountId");
    public static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    public static readonly JsonEncodedText VpcId = JsonEncodedText.Encode("vpcId");
    public static readonly JsonEncodedText ResourceType = JsonEncodedText.Encode("resourceType");
    public static readonly JsonEncodedText ResourceId = JsonEncodedText.Encode("resourceId");
    public static readonly JsonEncodedText ResourceName = JsonEncodedText.Encode("resourceName");
    public static readonly JsonEncodedText ResourceArn = JsonEncodedText.Encode("resourceArn");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    public static readonly JsonEncodedText Direction = JsonEncodedText.Encode("direction");
    public static readonly JsonEncodedText Protocol = JsonEncodedText.Encode("protocol");
    public static readonly JsonEncodedText Ports = JsonEncodedText.Encode("ports");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText AclRuleNumber = JsonEncodedText.Encode("aclRuleNumber");
    public static readonly JsonEncodedText Permission = JsonEncodedText.Encode("permission");
    public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
    public static readonly JsonEncodedText Controls = JsonEncodedText.Encode("controls");
    public static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");
    public static readonly JsonEncodedText Baseline = JsonEncodedText.Encode("baseline");
    public static readonly JsonEncodedText LastChange = JsonEncodedText.Encode("lastChange");
    public static readonly JsonEncodedText Suppression = JsonEncodedText.Encode("suppression");
}
