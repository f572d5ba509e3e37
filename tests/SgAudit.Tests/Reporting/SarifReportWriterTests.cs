using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting;
using SgAudit.Reporting.Sarif;
using SgAudit.Reporting.Templates;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

public sealed partial class SarifReportWriterTests
{
    [Fact]
    public async Task Should_BeValidAgainstTheOfficialSchema_When_RenderingTheTestScan()
    {
        // Given the test scan rendered to a file
        using var directory = new ScratchDirectory();
        var path = Path.Combine(directory.Path, "report.sarif");
        await File.WriteAllTextAsync(path, await RenderAsync(ReportTestData.Create()));

        // When the file is validated against shared/schemas/sarif-schema-2.1.0.json (draft-04)
        var errors = await SarifSchemaValidation.ValidateAsync(path);

        // Then there are no errors
        Assert.True(errors.Length == 0, errors);
    }

    [Fact]
    public async Task Should_DeclareSchemaVersionAndTool_When_Rendering()
    {
        // Given / When the test scan is rendered
        using var sarif = JsonDocument.Parse(await RenderAsync(ReportTestData.Create()));

        // Then the log names SARIF 2.1.0 and every run names SgAudit with its version
        var root = sarif.RootElement;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        foreach (var run in Runs(sarif))
        {
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("SgAudit", driver.GetProperty("name").GetString());
            Assert.Equal("0.1.0-test", driver.GetProperty("version").GetString());
            Assert.Equal("0.1.0-test", driver.GetProperty("semanticVersion").GetString());
            // informationUri comes from the build's PackageProjectUrl and is omitted, never guessed, when it is unset
            if (ReportToolInfo.InformationUri.Length == 0)
            {
                Assert.False(driver.TryGetProperty("informationUri", out _));
            }
            else
            {
                Assert.Equal(ReportToolInfo.InformationUri, driver.GetProperty("informationUri").GetString());
            }
        }
    }

    [Fact]
    public async Task Should_EmitOneRunPerAssessedRegion_When_ScopesFitTheRunLimit()
    {
        // Given three assessed regions (one without findings) and one region that could not be read
        var result = ReportTestData.Create();

        // When it is rendered
        using var sarif = JsonDocument.Parse(await RenderAsync(result));

        // Then each assessed region has its own category, the empty one included, and the unread one has none
        var categories = Runs(sarif).Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()).ToList();
        Assert.Equal(
            ["sgaudit/111111111111/eu-west-1/", "sgaudit/111111111111/us-east-1/", "sgaudit/222222222222/us-west-2/"],
            categories);
        Assert.Equal(categories.Count, categories.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(categories, c => c!.Contains("ap-southeast-2", StringComparison.Ordinal));
        var empty = Runs(sarif).Single(r => r.GetProperty("automationDetails").GetProperty("id").GetString() == "sgaudit/111111111111/eu-west-1/");
        Assert.Equal(0, empty.GetProperty("results").GetArrayLength());
        Assert.Equal(result.Findings.Length, Results(sarif).Count());
    }

    [Fact]
    public async Task Should_LocateResultsOnARelativeColonFreePathAtLineOne_When_RenderingFindings()
    {
        // Given / When the test scan (which has a group id with a colon and upper case) is rendered
        using var sarif = JsonDocument.Parse(await RenderAsync(ReportTestData.Create()));

        // Then every result points at aws/<account>/<region>/<vpc>/<kind>/<id> in lowercase ASCII, on line 1
        foreach (var result in Results(sarif))
        {
            var location = result.GetProperty("locations")[0];
            var physical = location.GetProperty("physicalLocation");
            var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.Matches(ArtifactUriPattern(), uri);
            Assert.DoesNotContain(':', uri);
            var region = physical.GetProperty("region");
            Assert.Equal(1, region.GetProperty("startLine").GetInt32());
            Assert.Equal(1, region.GetProperty("startColumn").GetInt32());
            Assert.Equal(1, region.GetProperty("endLine").GetInt32());
            Assert.Equal(1, region.GetProperty("endColumn").GetInt32());
            var logical = location.GetProperty("logicalLocations")[0];
            Assert.Equal("resource", logical.GetProperty("kind").GetString());
            Assert.StartsWith("arn:aws:ec2:", logical.GetProperty("fullyQualifiedName").GetString(), StringComparison.Ordinal);
        }

        var odd = Results(sarif).First(r => r.GetProperty("properties").GetProperty("resourceName").GetString() == ReportTestData.ScriptName);
        Assert.Equal("aws/222222222222/us-west-2/no-vpc/security-groups/sg-0c0ffee_odd", odd.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(ReportTestData.OddGroupId, odd.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Should_DescribeRulesForGitHub_When_Rendering()
    {
        // Given / When the test scan is rendered
        var result = ReportTestData.Create();
        using var sarif = JsonDocument.Parse(await RenderAsync(result));

        // Then every rule that ran is described with a string security-severity GitHub accepts, ≤ 10 unique tags incl. security
        foreach (var run in Runs(sarif))
        {
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(result.Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
            foreach (var (rule, resolved) in rules.Zip(result.Rules))
            {
                var properties = rule.GetProperty("properties");
                var severity = properties.GetProperty("security-severity");
                Assert.Equal(JsonValueKind.String, severity.ValueKind);
                var score = decimal.Parse(severity.GetString()!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                Assert.InRange(score, 0.1m, 10m);
                Assert.NotEqual(9.0m, score);
                var tags = properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
                Assert.InRange(tags.Count, 1, 10);
                Assert.Equal(tags.Count, tags.Distinct(StringComparer.Ordinal).Count());
                Assert.Contains("security", tags);
                Assert.Equal("high", properties.GetProperty("precision").GetString());
                Assert.Equal(ExpectedLevel(resolved.Severity), rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
                Assert.Equal(resolved.Definition.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
                Assert.Equal(resolved.Definition.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
                Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.GetProperty("name").GetString());
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
                var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
                Assert.All(resolved.Definition.References, reference => Assert.Contains(reference, markdown, StringComparison.Ordinal));
                Assert.Contains(resolved.Definition.Remediation.Text, markdown, StringComparison.Ordinal);
                Assert.Equal(resolved.Definition.References[0], rule.GetProperty("helpUri").GetString());
            }
        }

        Assert.Equal(["9.5", "8.0", "5.5", "2.0", "0.5"], new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info }.Select(SarifLogBuilder.SecuritySeverity));
    }

    [Fact]
    public async Task Should_PointRuleIndexAtTheResultsRule_When_RenderingResults()
    {
        // Given / When the test scan is rendered
        using var sarif = JsonDocument.Parse(await RenderAsync(ReportTestData.Create()));

        // Then each result's ruleIndex selects the rule named by its ruleId, and its level and message are set
        foreach (var run in Runs(sarif))
        {
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
                Assert.Equal(result.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
                Assert.Equal(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), result.GetProperty("level").GetString());
                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            }
        }
    }

    [Fact]
    public async Task Should_KeepOutputAndFingerprintsIdentical_When_RenderedTwice()
    {
        // Given the same scan result built twice
        var first = await RenderAsync(ReportTestData.Create());
        var second = await RenderAsync(ReportTestData.Create());

        // When the fingerprints are read
        using var sarif = JsonDocument.Parse(first);
        var fingerprints = Results(sarif).Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()).ToList();

        // Then both renders are byte-identical and each fingerprint is the finding's, suffixed ":1"
        Assert.Equal(first, second);
        var expected = ReportTestData.Create().Findings.Select(f => f.Fingerprint + ":1").Order(StringComparer.Ordinal);
        Assert.Equal(expected, fingerprints.Order(StringComparer.Ordinal));
        Assert.Equal(fingerprints.Count, fingerprints.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Should_RoundTripHostileStrings_When_ParsedAsJson()
    {
        // Given / When findings on resources named with hostile strings are rendered
        var text = await RenderAsync(ReportTestData.Create());
        using var sarif = JsonDocument.Parse(text);

        // Then each name parses back exactly, and the raw file carries no markup or raw control characters
        var names = Results(sarif).Select(r => r.GetProperty("properties").GetProperty("resourceName").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReportTestData.HostileStrings, s => Assert.Contains(s, names));
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\u0001', text);
        Assert.DoesNotContain('\u2028', text);
    }

    [Fact]
    public async Task Should_WarnInTheRun_When_ARuleCouldNotRunInItsRegion()
    {
        // Given account B's us-west-2 input has no network ACLs, so SGA010 did not run there
        using var sarif = JsonDocument.Parse(await RenderAsync(ReportTestData.Create()));

        // When its run's notifications are read
        var run = Runs(sarif).Single(r => r.GetProperty("automationDetails").GetProperty("id").GetString() == "sgaudit/222222222222/us-west-2/");
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToList();

        // Then a warning names the rule
        var warning = Assert.Single(notifications);
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.Contains("SGA010", warning.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FallBackToOneRunPerAccount_When_RegionsExceedTheRunLimit()
    {
        // Given a limit of two runs, three assessed regions, and account B partly unreadable
        var result = ReportTestData.Create();
        var writer = new SarifReportWriter(TemplateSet.Embedded, new SarifLimits(2, 25_000));

        // When it is rendered
        using var stream = new MemoryStream();
        var summary = await writer.WriteWithSummaryAsync(result, stream, CancellationToken.None);
        using var sarif = JsonDocument.Parse(stream.ToArray());

        // Then account A gets one account-wide run and account B none, since its run would close alerts it could not check
        Assert.Equal("account", summary.Grouping);
        Assert.Equal(["sgaudit/111111111111/all/"], summary.Categories.AsEnumerable());
        Assert.Equal(["sgaudit/111111111111/all/"], Runs(sarif).Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()));
        var accountB = result.Findings.Count(f => f.AccountId == ReportTestData.AccountB);
        Assert.Equal(accountB, summary.OmittedResults);
        Assert.Equal(result.Findings.Length - accountB, Results(sarif).Count());
    }

    [Fact]
    public async Task Should_FallBackToASingleRun_When_AccountsExceedTheRunLimit()
    {
        // Given a limit of one run and two fully readable accounts
        var result = ReportTestData.Scan(ReportTestData.Inventory() with { NotAssessed = [] });
        var writer = new SarifReportWriter(TemplateSet.Embedded, new SarifLimits(1, 25_000));

        // When it is rendered
        using var stream = new MemoryStream();
        var summary = await writer.WriteWithSummaryAsync(result, stream, CancellationToken.None);

        // Then everything is one run
        Assert.Equal("all", summary.Grouping);
        Assert.Equal(["sgaudit/all/"], summary.Categories.AsEnumerable());
        Assert.Equal(result.Findings.Length, summary.Results);
        Assert.Equal(0, summary.OmittedResults);
    }

    [Fact]
    public async Task Should_KeepTheMostSevereResultsAndWarn_When_ARunExceedsTheResultLimit()
    {
        // Given a limit of three results per run
        var result = ReportTestData.Create();
        var writer = new SarifReportWriter(TemplateSet.Embedded, new SarifLimits(20, 3));

        // When it is rendered
        using var stream = new MemoryStream();
        var summary = await writer.WriteWithSummaryAsync(result, stream, CancellationToken.None);
        using var sarif = JsonDocument.Parse(stream.ToArray());

        // Then us-east-1 keeps its three most severe findings, in finding order, and says what it left out
        var run = Runs(sarif).Single(r => r.GetProperty("automationDetails").GetProperty("id").GetString() == "sgaudit/111111111111/us-east-1/");
        var expected = result.Findings.Where(f => f.AccountId == ReportTestData.AccountA && f.Region == "us-east-1")
            .OrderByDescending(f => f.Severity).ThenBy(f => f, FindingOrder.Instance).Take(3)
            .Select(f => f.Fingerprint + ":1");
        Assert.Equal(expected, run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()));
        var warning = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.Contains("most severe", warning.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var inAccountARegion = result.Findings.Count(f => f.AccountId == ReportTestData.AccountA && f.Region == "us-east-1");
        var inAccountB = result.Findings.Count(f => f.AccountId == ReportTestData.AccountB);
        Assert.Equal(inAccountARegion - 3 + Math.Max(0, inAccountB - 3), summary.TruncatedResults);
        Assert.Equal(summary.TruncatedResults, writer.Summarize(result).TruncatedResults);
    }

    [Fact]
    public async Task Should_SummarizeTheSame_When_AskedBeforeOrAfterRendering()
    {
        // Given a scan whose runs are truncated
        var writer = new SarifReportWriter(TemplateSet.Embedded, new SarifLimits(20, 3));
        var result = ReportTestData.Create();

        // When it is summarized before rendering (planned afresh) and after (taken from the rendered model)
        var before = writer.Summarize(result);
        using var stream = new MemoryStream();
        var written = await writer.WriteWithSummaryAsync(result, stream, CancellationToken.None);
        var after = writer.Summarize(result);

        // Then all three agree
        foreach (var summary in new[] { before, after })
        {
            Assert.Equal(written.Grouping, summary.Grouping);
            Assert.Equal([.. written.Categories], [.. summary.Categories], StringComparer.Ordinal);
            Assert.Equal((written.Results, written.TruncatedResults, written.OmittedResults), (summary.Results, summary.TruncatedResults, summary.OmittedResults));
        }

        Assert.True(written.TruncatedResults > 0, "the test needs a truncated run");
    }

    [Fact]
    public async Task Should_TruncateToGitHubsLimit_When_ARegionHasMoreThan25000Findings()
    {
        // Given one region with 3,600 world-open groups: 25,200 findings
        var result = ReportTestData.CreateLarge(3600);
        var writer = new SarifReportWriter(TemplateSet.Embedded);

        // When it is rendered with GitHub's limits
        using var stream = new MemoryStream();
        var summary = await writer.WriteWithSummaryAsync(result, stream, CancellationToken.None);

        // Then the run holds exactly 25,000 results and the rest are counted as truncated
        Assert.Equal(25_200, result.Findings.Length);
        Assert.Equal(25_000, summary.Results);
        Assert.Equal(200, summary.TruncatedResults);
        using var sarif = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(25_000, Assert.Single(Runs(sarif)).GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Should_ThrowReportExceptionAndWriteNothing_When_TheTemplateRendersInvalidJson()
    {
        // Given a template set whose SARIF template drops the comma between results, and an earlier good report on disk
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.Sarif, templates.Read(TemplatePaths.Sarif).Replace("}{{#unless @last}},{{/unless}}\n        {{/each}}", "}\n        {{/each}}", StringComparison.Ordinal));
        using var output = new ScratchDirectory();
        var target = Path.Combine(output.Path, "report.sarif");
        await File.WriteAllTextAsync(target, "previous report");
        var writer = new ReportWriterFactory(TemplateSet.FromDirectory(templates.Path)).Create("sarif");

        // When the reports are written
        var error = await Assert.ThrowsAsync<ReportException>(() => ReportFileWriter.WriteAllAsync([writer], ReportTestData.Create(), output.Path, CancellationToken.None));

        // Then the error names the template and the problem, and the directory holds only the earlier report
        Assert.Equal(templates.Resolve(TemplatePaths.Sarif), error.Template);
        Assert.Contains("not valid JSON", error.Problem, StringComparison.Ordinal);
        Assert.Equal("previous report", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task Should_ThrowReportException_When_TheTemplatePutsTheArnInTheUri()
    {
        // Given a template that uses the ARN (which has colons) as the artifact URI
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write(TemplatePaths.Sarif, templates.Read(TemplatePaths.Sarif).Replace("\"uri\": \"{{artifactUri}}\"", "\"uri\": \"{{resourceArn}}\"", StringComparison.Ordinal));
        var writer = new SarifReportWriter(TemplateSet.FromDirectory(templates.Path));

        // When it is rendered
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ReportException>(() => writer.WriteAsync(ReportTestData.Create(), stream, CancellationToken.None));

        // Then GitHub's URI rule is named and nothing reached the stream
        Assert.Contains("artifactLocation.uri 'arn:aws:ec2:", error.Problem, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    private static string ExpectedLevel(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static Task<string> RenderAsync(ScanResult result) => ReportRendering.RenderAsync(new SarifReportWriter(TemplateSet.Embedded), result);

    private static JsonElement.ArrayEnumerator Runs(JsonDocument sarif) => sarif.RootElement.GetProperty("runs").EnumerateArray();

    private static IEnumerable<JsonElement> Results(JsonDocument sarif) => Runs(sarif).SelectMany(r => r.GetProperty("results").EnumerateArray());

    [GeneratedRegex("^aws/[0-9]{12}/[a-z0-9-]+/(vpc-[a-z0-9]+|no-vpc)/(security-groups/sg|network-acls/acl)-[a-z0-9_]+$")]
    private static partial Regex ArtifactUriPattern();
}
