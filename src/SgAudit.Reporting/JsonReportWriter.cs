using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting.ReportJson;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>
/// report.json: the machine-readable result, written with <see cref="Utf8JsonWriter"/> (no template) in a fixed
/// member order. The default encoder escapes &lt;, &gt;, &amp;, quotes and non-ASCII, so every string is safe to
/// embed and parses back unchanged. Findings stream out in chunks, so memory stays flat at 100,000+ findings.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>Bumped when a member is renamed or removed; adding members keeps it.</summary>
    public const string SchemaVersion = "1";

    private const int FindingsPerFlush = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    private readonly ReportViewModelBuilder _builder = new();

    public string Format => "json";

    public string FileName => "report.json";

    public async Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        var model = _builder.Build(result);

        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", model.Tool.Name);
        json.WriteString("version", model.Tool.Version);
        json.WriteEndObject();
        WriteScan(json, model.Scan);
        WriteSummary(json, model);
        WriteRules(json, model.Rules);
        WriteCompliance(json, model.Frameworks);
        WriteNotAssessed(json, model);
        WriteSuppressions(json, model.Suppressions);
        WriteScopes(json, result);
        WriteCloudTrail(json, model.CloudTrail);
        if (model.Baseline is { } baseline)
        {
            WriteBaseline(json, baseline);
        }

        json.WriteStartArray("findings");
        var controls = default(EncodedControls);
        using var lastChanges = new EncodedLastChange();
        for (var i = 0; i < model.Findings.Length; i++)
        {
            WriteFinding(json, model.Findings[i], ref controls, lastChanges);
            if (i % FindingsPerFlush == FindingsPerFlush - 1)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteScan(Utf8JsonWriter json, ScanView scan)
    {
        json.WriteStartObject("scan");
        json.WriteString("startedAt", scan.StartedAt);
        json.WriteString("finishedAt", scan.FinishedAt);
        json.WriteStartObject("inputs");
        json.WriteString("sourceKind", scan.SourceKind);
        json.WriteString("source", scan.Source);
        WriteNullableString(json, "configFile", scan.ConfigFile);
        if (scan.ApiCalls is { } calls)
        {
            json.WriteStartObject("apiCalls");
            foreach (var (operation, count) in calls)
            {
                json.WriteNumber(operation, count);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteNullableString(json, "failOn", scan.FailOn);
        json.WriteBoolean("partial", scan.Partial);
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, ReportViewModel model)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("findings", model.FindingCount);
        json.WriteStartObject("bySeverity");
        foreach (var severity in model.Severities)
        {
            json.WriteNumber(severity.Severity, severity.Count);
        }

        json.WriteEndObject();
        json.WriteStartObject("byRule");
        foreach (var rule in model.Rules)
        {
            json.WriteNumber(rule.Id, rule.FindingCount);
        }

        json.WriteEndObject();
        json.WriteStartObject("resources");
        json.WriteNumber("accounts", model.Resources.Accounts);
        json.WriteNumber("regions", model.Resources.Regions);
        json.WriteNumber("securityGroups", model.Resources.SecurityGroups);
        json.WriteNumber("networkInterfaces", model.Resources.NetworkInterfaces);
        json.WriteNumber("networkAcls", model.Resources.NetworkAcls);
        json.WriteNumber("vpcs", model.Resources.Vpcs);
        json.WriteEndObject();
        json.WriteNumber("gateFindings", model.Scan.GateFindings);
        json.WriteNumber("suppressed", model.SuppressionSummary.SuppressedFindings);
        if (model.Baseline is { } baseline)
        {
            json.WriteNumber("new", baseline.New);
            json.WriteNumber("unchanged", baseline.Unchanged);
            json.WriteNumber("fixed", baseline.Fixed);
            json.WriteNumber("notReassessed", baseline.NotReassessed);
        }

        json.WriteEndObject();
    }

    private static void WriteRules(Utf8JsonWriter json, ImmutableArray<RuleView> rules)
    {
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("slug", rule.Slug);
            json.WriteString("title", rule.Title);
            json.WriteString("severity", rule.Severity);
            json.WriteString("defaultSeverity", rule.DefaultSeverity ?? rule.Severity);
            json.WriteString("origin", rule.Origin ?? "built-in");
            WriteNullableString(json, "variant", rule.Variant);
            json.WriteStartObject("parameters");
            foreach (var parameter in rule.Parameters)
            {
                json.WritePropertyName(parameter.Name);
                WriteParameterValue(json, parameter.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteParameterValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case int number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case PortSet ports:
                // As rule.json and config files write them: a number per port, a "from-to" string per range.
                json.WriteStartArray();
                foreach (var range in ports.Items)
                {
                    if (range.From == range.To)
                    {
                        json.WriteNumberValue(range.From);
                    }
                    else
                    {
                        json.WriteStringValue(range.ToString());
                    }
                }

                json.WriteEndArray();
                break;
            case ImmutableArray<string> strings:
                WriteStringArray(json, strings);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    internal static void WriteCompliance(Utf8JsonWriter json, ImmutableArray<FrameworkView> frameworks)
    {
        json.WriteStartArray("compliance");
        foreach (var framework in frameworks)
        {
            json.WriteStartObject();
            json.WriteString("id", framework.Id);
            json.WriteString("name", framework.Name);
            json.WriteString("version", framework.Version);
            json.WriteStartArray("controls");
            foreach (var control in framework.Controls)
            {
                json.WriteStartObject();
                json.WriteString("id", control.Id);
                json.WriteString("label", control.Label);
                json.WriteString("title", control.Title);
                json.WriteString("status", control.Status);
                json.WriteNumber("failingResources", control.FailingResources);
                json.WritePropertyName("ruleIds");
                WriteStringArray(json, control.RuleIds);
                WriteNullableString(json, "reason", control.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNotAssessed(Utf8JsonWriter json, ReportViewModel model)
    {
        json.WriteStartArray("notAssessed");
        foreach (var scope in model.NotAssessed)
        {
            json.WriteStartObject();
            json.WriteString("accountId", scope.AccountId);
            WriteNullableString(json, "region", scope.Region);
            json.WriteString("errorCode", scope.ErrorCode);
            json.WriteString("message", scope.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("ruleGaps");
        foreach (var gap in model.RuleGaps)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", gap.RuleId);
            json.WriteString("accountId", gap.AccountId);
            WriteNullableString(json, "region", gap.Region);
            json.WriteString("reason", gap.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFinding(Utf8JsonWriter json, FindingView finding, ref EncodedControls controls, EncodedLastChange lastChanges)
    {
        json.WriteStartObject();
        json.WriteString(FindingJsonNames.RuleId, finding.RuleId);
        json.WriteString(FindingJsonNames.Severity, finding.Severity);
        json.WriteString(FindingJsonNames.AccountId, finding.AccountId);
        json.WriteString(FindingJsonNames.Region, finding.Region);
        WriteNullableString(json, FindingJsonNames.VpcId, finding.VpcId);
        json.WriteString(FindingJsonNames.ResourceType, finding.ResourceType);
        json.WriteString(FindingJsonNames.ResourceId, finding.ResourceId);
        json.WriteString(FindingJsonNames.ResourceName, finding.ResourceName);
        json.WriteString(FindingJsonNames.ResourceArn, finding.ResourceArn);
        json.WriteString(FindingJsonNames.Message, finding.Message);
        WriteEvidence(json, finding.Direction, finding.Protocol, finding.Ports, finding.Source, finding.AclRuleNumber, finding.Permission, finding.Detail);

        // A rule's findings share one controls list: its labels are encoded once per run of that list.
        if (finding.Controls != controls.Source)
        {
            controls = new EncodedControls(finding.Controls, [.. finding.Controls.Select(label => JsonEncodedText.Encode(label))]);
        }

        json.WriteStartArray(FindingJsonNames.Controls);
        foreach (var label in controls.Encoded)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteString(FindingJsonNames.Fingerprint, finding.Fingerprint);
        if (finding.Baseline is { } state)
        {
            json.WriteString(FindingJsonNames.Baseline, state);
        }

        if (finding.Attribution is { } attribution)
        {
            json.WritePropertyName(FindingJsonNames.LastChange);
            json.WriteRawValue(lastChanges.Encode(attribution), skipInputValidation: true);
        }
        else
        {
            json.WriteNull(FindingJsonNames.LastChange);
        }

        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject(FindingJsonNames.Suppression);
            json.WriteNumber("index", suppression.Index);
            json.WriteString("sourceKind", suppression.SourceKind);
            json.WriteString("source", suppression.Source);
            json.WriteString("reason", suppression.Reason);
            WriteNullableString(json, "until", suppression.Until);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSuppressions(Utf8JsonWriter json, ImmutableArray<SuppressionStatusView> suppressions)
    {
        json.WriteStartArray("suppressions");
        foreach (var suppression in suppressions)
        {
            json.WriteStartObject();
            json.WriteNumber("index", suppression.Index);
            json.WriteString("status", suppression.Status);
            json.WriteString("sourceKind", suppression.SourceKind);
            json.WriteString("source", suppression.Source);
            WriteNullableString(json, "file", suppression.File);
            WriteNullableNumber(json, "line", suppression.Line);

            WriteNullableString(json, "accountId", suppression.AccountId);
            WriteNullableString(json, "region", suppression.Region);
            WriteNullableString(json, "resourceId", suppression.ResourceId);
            json.WritePropertyName("ruleIds");
            WriteStringArray(json, suppression.RuleIds);
            if (suppression.Selector is { } selector)
            {
                json.WriteStartObject("selector");
                WriteNullableString(json, "resourceId", selector.ResourceId);
                WriteNullableString(json, "resourceName", selector.ResourceName);
                WriteNullableString(json, "vpcId", selector.VpcId);
                WriteNullableString(json, "accountId", selector.AccountId);
                WriteNullableString(json, "region", selector.Region);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("selector");
            }

            WriteNullableString(json, "reason", suppression.Reason);
            WriteNullableString(json, "until", suppression.Until);
            json.WriteNumber("findings", suppression.Findings);
            json.WriteNumber("suppressed", suppression.Suppressed);
            WriteNullableString(json, "problem", suppression.Problem);
            WriteNullableString(json, "value", suppression.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The account/regions the scan read, so a later diff can tell a fixed finding from one out of sight.</summary>
    private static void WriteScopes(Utf8JsonWriter json, ScanResult result)
    {
        json.WriteStartArray("scopes");
        foreach (var (accountId, region) in result.Inventory.Regions
            .Select(r => (r.AccountId, r.Region))
            .Distinct()
            .OrderBy(s => s.AccountId, StringComparer.Ordinal)
            .ThenBy(s => s.Region, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("accountId", accountId);
            json.WriteString("region", region);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBaseline(Utf8JsonWriter json, BaselineView baseline)
    {
        json.WriteStartObject("baseline");
        json.WriteString("file", baseline.File);
        WriteNullableString(json, "startedAt", baseline.StartedAt);
        json.WriteStartObject("counts");
        json.WriteNumber("new", baseline.New);
        json.WriteNumber("unchanged", baseline.Unchanged);
        json.WriteNumber("fixed", baseline.Fixed);
        json.WriteNumber("notReassessed", baseline.NotReassessed);
        json.WriteEndObject();
        WriteReportedFindings(json, "fixed", baseline.FixedFindings);
        WriteReportedFindings(json, "notReassessed", baseline.NotReassessedFindings);
        json.WriteEndObject();
    }

    /// <summary>Findings of another report, in the shape of <c>findings[]</c> (their identifying fields), plus <c>reason</c> when set.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="name">The array's member name.</param>
    /// <param name="findings">The findings.</param>
    internal static void WriteReportedFindings(Utf8JsonWriter json, string name, IEnumerable<ReportedFindingView> findings)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", finding.Severity);
            json.WriteString("accountId", finding.AccountId);
            json.WriteString("region", finding.Region);
            WriteNullableString(json, "vpcId", finding.VpcId);
            json.WriteString("resourceType", finding.ResourceType);
            json.WriteString("resourceId", finding.ResourceId);
            json.WriteString("resourceName", finding.ResourceName);
            json.WriteString("message", finding.Message);
            WriteEvidence(json, finding.Direction, finding.Protocol, finding.Ports, finding.Source, finding.AclRuleNumber, finding.Permission, finding.Detail);
            json.WriteString("fingerprint", finding.Fingerprint);
            if (finding.Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The <c>evidence</c> object of a finding, whether of this scan or of another report.</summary>
    private static void WriteEvidence(Utf8JsonWriter json, string? direction, string? protocol, string? ports, string source, int? aclRuleNumber, string permission, string detail)
    {
        json.WriteStartObject(FindingJsonNames.Evidence);
        WriteNullableString(json, FindingJsonNames.Direction, direction);
        WriteNullableString(json, FindingJsonNames.Protocol, protocol);
        WriteNullableString(json, FindingJsonNames.Ports, ports);
        json.WriteString(FindingJsonNames.Source, source);
        if (aclRuleNumber is { } ruleNumber)
        {
            json.WriteNumber(FindingJsonNames.AclRuleNumber, ruleNumber);
        }
        else
        {
            json.WriteNull(FindingJsonNames.AclRuleNumber);
        }

        json.WriteString(FindingJsonNames.Permission, permission);
        json.WriteString(FindingJsonNames.Detail, detail);
        json.WriteEndObject();
    }

    private static void WriteCloudTrail(Utf8JsonWriter json, CloudTrailView cloudTrail)
    {
        json.WriteStartObject("cloudTrail");
        json.WriteBoolean("provided", cloudTrail.Provided);
        json.WriteBoolean("attributionRan", cloudTrail.AttributionRan);
        json.WriteNumber("lookbackDays", cloudTrail.LookbackDays);
        json.WriteStartArray("trails");
        foreach (var trail in cloudTrail.Trails)
        {
            json.WriteStartObject();
            json.WriteString("accountId", trail.AccountId);
            json.WriteString("status", trail.Status);
            WriteNullableString(json, "gap", trail.Gap);
            WriteNullableString(json, "trailName", trail.TrailName);
            WriteNullableString(json, "trailArn", trail.TrailArn);
            WriteNullableString(json, "homeRegion", trail.HomeRegion);
            WriteNullableString(json, "errorCode", trail.ErrorCode);
            WriteNullableString(json, "errorMessage", trail.ErrorMessage);
            json.WriteString("text", trail.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("attributions");
        foreach (var attribution in cloudTrail.Attributions)
        {
            WriteAttribution(json, attribution, withGroup: true);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAttribution(Utf8JsonWriter json, AttributionView attribution, bool withGroup)
    {
        json.WriteStartObject();
        if (withGroup)
        {
            json.WriteString("accountId", attribution.AccountId);
            json.WriteString("region", attribution.Region);
            json.WriteString("groupId", attribution.GroupId);
        }

        json.WriteString("status", attribution.Status);
        WriteNullableString(json, "actor", attribution.Actor);
        WriteNullableString(json, "eventName", attribution.EventName);
        WriteNullableString(json, "eventTime", attribution.EventTime);
        WriteNullableString(json, "sourceIp", attribution.SourceIp);
        WriteNullableString(json, "eventId", attribution.EventId);
        WriteNullableString(json, "errorCode", attribution.ErrorCode);
        WriteNullableString(json, "errorMessage", attribution.ErrorMessage);
        json.WriteString("text", attribution.Text);
        json.WriteEndObject();
    }

    private static void WriteStringArray(Utf8JsonWriter json, ImmutableArray<string> values)
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullableString(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>A controls list and its labels encoded for JSON.</summary>
    private readonly record struct EncodedControls(ImmutableArray<string> Source, JsonEncodedText[] Encoded);

    /// <summary>
    /// The last finding's lastChange object, encoded by the same writer code and options. A region's failing groups
    /// mostly share one attribution (not assessed, or not looked up past the cap), and a group's findings always do, so
    /// most findings copy these bytes instead of encoding nine members again (8% of render's samples in a profile of a
    /// 100,000-group CLI scan).
    /// </summary>
    private sealed class EncodedLastChange : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;
        private AttributionView? _last;

        public EncodedLastChange() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        public ReadOnlySpan<byte> Encode(AttributionView attribution)
        {
            if (_last is null || !AttributionChangeComparer.Instance.Equals(_last, attribution))
            {
                _buffer.ResetWrittenCount();
                _writer.Reset(_buffer);
                WriteAttribution(_writer, attribution, withGroup: false);
                _writer.Flush();
                _last = attribution;
            }

            return _buffer.WrittenSpan;
        }

        public void Dispose() => _writer.Dispose();
    }
}
