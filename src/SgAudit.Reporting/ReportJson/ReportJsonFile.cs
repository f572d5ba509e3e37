using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using SgAudit.Core;
using SgAudit.Core.Baselines;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting.ReportJson;

/// <summary>
/// A report.json written by <see cref="JsonReportWriter"/>, read back strictly for --baseline, diff and compliance:
/// the file must exist, parse, be SgAudit's with <c>schemaVersion</c> "1", and every member a reader needs must be
/// there with its documented type. Anything else is an <see cref="InputException"/> naming the file and the place (the
/// line for a syntax error, else the JSON path); nothing is guessed or defaulted.
/// </summary>
public sealed class ReportJsonFile : IDisposable
{
    private readonly JsonDocument _document;
    private readonly JsonMember _root;

    private ReportJsonFile(string file, JsonDocument document)
    {
        File = file;
        _document = document;
        _root = new JsonMember(file, "$", document.RootElement);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw _root.Problem("expected the object of an SgAudit report.json");
        }

        var schema = _root.Required("schemaVersion");
        if (schema.String() != JsonReportWriter.SchemaVersion)
        {
            throw schema.Problem($"report schema version '{schema.String()}' is not supported (this SgAudit reads '{JsonReportWriter.SchemaVersion}')");
        }

        var tool = _root.Required("tool").RequireObject();
        var name = tool.Required("name");
        if (name.String() != ReportToolInfo.Name)
        {
            throw name.Problem($"'{name.String()}' is not {ReportToolInfo.Name}: this is not an {ReportToolInfo.Name} report.json");
        }

        ToolVersion = tool.Required("version").NonEmptyString();
        var scan = _root.Required("scan").RequireObject();
        var started = scan.Required("startedAt");
        StartedAt = DateTimeOffset.TryParse(started.String(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw started.Problem($"'{started.String()}' is not an ISO 8601 time");
        Partial = scan.Required("partial").Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw scan.Required("partial").Problem("expected true or false"),
        };
    }

    /// <summary>The path as given.</summary>
    public string File { get; }

    /// <summary>The SgAudit version that wrote the report.</summary>
    public string ToolVersion { get; }

    /// <summary>When the reported scan started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>True when the reported scan could not assess everything.</summary>
    public bool Partial { get; }

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <param name="path">The report.json, as given on the command line.</param>
    /// <exception cref="InputException">The file is missing, unreadable, not JSON or not an SgAudit report.json.</exception>
    public static ReportJsonFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputException(path, null, "is a folder; give the report.json file in it");
        }

        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, System.IO.File.Exists(path) ? $"cannot read the file: {ex.Message}" : "no such file");
        }

        if (bytes.Length == 0)
        {
            throw new InputException(path, null, "the file is empty; expected an SgAudit report.json");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var place = string.Create(CultureInfo.InvariantCulture, $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");
            throw new InputException(path, place, $"not valid JSON: {WithoutPosition(ex.Message)}", ex);
        }

        try
        {
            return new ReportJsonFile(path, document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Every finding, in the report's order, with the fields a baseline and a diff use.</summary>
    public ImmutableArray<ReportedFinding> ReadFindings() => [.. _root.Required("findings").Items().Select(ReadFinding)];

    /// <summary>The report as a baseline: its findings and where it came from.</summary>
    public BaselineReport ReadBaseline() => new(File, ReadFindings()) { StartedAt = StartedAt, ToolVersion = ToolVersion };

    /// <summary>
    /// What the reported scan assessed: <c>scopes</c>, <c>rules</c>, <c>notAssessed</c> and <c>ruleGaps</c>. A report
    /// without <c>scopes</c> predates them and cannot say which regions it covered, so it is refused.
    /// </summary>
    public ScanCoverage ReadCoverage()
    {
        var scopes = _root.Optional("scopes")
            ?? throw new InputException(File, "$.scopes", $"missing: this report was written by {ReportToolInfo.Name} {ToolVersion}, which did not record the regions it scanned; scan again with this version to compare against it");
        var regions = scopes.Items().Select(s => (s.Required("accountId").NonEmptyString(), s.Required("region").NonEmptyString())).ToList();
        var rules = _root.Required("rules").Items().Select(r => r.Required("id").NonEmptyString()).ToList();
        var notAssessed = _root.Required("notAssessed").Items().Select(s => new NotAssessedScope(
            s.Required("accountId").NonEmptyString(),
            s.Required("region").NullableString(),
            s.Required("errorCode").String(),
            s.Required("message").String())).ToList();
        var gaps = _root.Required("ruleGaps").Items().Select(g => new RuleGap(
            g.Required("ruleId").NonEmptyString(),
            g.Required("accountId").NonEmptyString(),
            g.Required("region").NullableString(),
            g.Required("reason").String())).ToList();
        return new ScanCoverage(regions, rules, notAssessed, gaps);
    }

    /// <summary>The gate threshold the reported scan used; null for none.</summary>
    public Severity? ReadFailOn()
    {
        var failOn = _root.Required("scan").Required("failOn");
        var text = failOn.NullableString();
        return text is null ? null : SeverityText.TryParse(text, out var severity) ? severity : throw failOn.Problem($"'{text}' is not a severity");
    }

    /// <summary>Every framework version of <c>compliance[]</c> with its controls, as the report has them.</summary>
    public ImmutableArray<FrameworkView> ReadCompliance() => [.. _root.Required("compliance").Items().Select(ReadFramework)];

    public void Dispose() => _document.Dispose();

    private static ReportedFinding ReadFinding(JsonMember item)
    {
        item.RequireObject();
        var severity = item.Required("severity");
        var evidence = item.Required("evidence").RequireObject();
        return new ReportedFinding(
            item.Required("fingerprint").NonEmptyString(),
            item.Required("ruleId").NonEmptyString(),
            SeverityText.TryParse(severity.String(), out var parsed) ? parsed.Value : throw severity.Problem($"'{severity.String()}' is not critical, high, medium, low or info"),
            item.Required("accountId").NonEmptyString(),
            item.Required("region").NonEmptyString(),
            item.Required("resourceId").NonEmptyString())
        {
            ResourceType = item.Required("resourceType").NonEmptyString(),
            ResourceName = item.Required("resourceName").String(),
            VpcId = item.Optional("vpcId")?.NullableString(),
            Message = item.Required("message").String(),
            Direction = evidence.Optional("direction")?.NullableString(),
            Protocol = evidence.Optional("protocol")?.NullableString(),
            Ports = evidence.Optional("ports")?.NullableString(),
            Source = evidence.Required("source").String(),
            AclRuleNumber = evidence.Optional("aclRuleNumber")?.NullableInt(),
            Permission = evidence.Required("permission").String(),
            Detail = evidence.Required("detail").String(),
        };
    }

    private static FrameworkView ReadFramework(JsonMember item)
    {
        item.RequireObject();
        var controls = item.Required("controls").Items().Select(ReadControl).ToImmutableArray();
        var name = item.Required("name").NonEmptyString();
        var version = item.Required("version").NonEmptyString();
        return new FrameworkView
        {
            Id = item.Required("id").NonEmptyString(),
            Name = name,
            Version = version,
            ShortName = $"{name} v{version}",
            Passed = controls.Count(c => c.Status == ComplianceViews.Pass),
            Failed = controls.Count(c => c.Status == ComplianceViews.Fail),
            NotAssessed = controls.Count(c => c.Status == ComplianceViews.NotAssessed),
            Controls = controls,
        };
    }

    private static ControlView ReadControl(JsonMember item)
    {
        item.RequireObject();
        var status = item.Required("status");
        var text = status.String();
        if (!ComplianceViews.IsStatus(text))
        {
            throw status.Problem($"'{text}' is not pass, fail or not-assessed");
        }

        return new ControlView
        {
            Id = item.Required("id").NonEmptyString(),
            Label = item.Required("label").NonEmptyString(),
            Title = item.Required("title").String(),
            Status = text,
            StatusText = ComplianceViews.StatusText(text),
            FailingResources = item.Required("failingResources").NonNegativeInt(),
            RuleIds = [.. item.Required("ruleIds").Items().Select(r => r.NonEmptyString())],
            Reason = item.Required("reason").NullableString(),
        };
    }

    /// <summary>System.Text.Json's message without its " LineNumber: 0 | BytePositionInLine: 5." tail (the place says it).</summary>
    private static string WithoutPosition(string message)
    {
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return tail < 0 ? message : message[..tail];
    }
}
