using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;
using SgAudit.Reporting.TextEncoders;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>
/// report.junit.xml: the scan as JUnit test results (the Jenkins/Ant schema that GitLab, Jenkins and Azure DevOps
/// read). One testsuite per rule; one testcase per resource the rule evaluated, plain when it passed and with a
/// <c>failure</c> (type = severity) listing every finding for that resource when it failed. Fails closed: each scope
/// a rule could not assess is a testcase with an <c>error</c> (CI systems count errors as failed, whereas skipped tests
/// stay green), and a rule the configuration disabled is one skipped testcase; neither can read as a pass. A resource
/// whose every finding for a rule is suppressed is a skipped testcase naming the suppression (the gate ignores it).
/// Suppressions select whole resources, so that is all of them or none; a failure text still marks any suppressed one.
/// Counts on every testsuite and on testsuites are exact. <see cref="XmlWriter"/> escapes markup, and
/// <see cref="XmlReportText"/> replaces the characters XML 1.0 cannot carry, so account strings never break the file.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    /// <summary>The <c>type</c> of the error a not-assessed scope is reported with.</summary>
    public const string NotAssessedType = "NotAssessed";

    /// <summary>The testcase name of a not-assessed scope, unique within its classname (rule, account, region).</summary>
    public const string NotAssessedName = "not assessed";

    /// <summary>The classname's region part for a whole account that could not be read.</summary>
    public const string AllRegions = "all-regions";

    /// <summary>Resource names are shortened to this in testcase names (CI views list them); the failure text has them whole.</summary>
    public const int MaxNameLength = 120;

    /// <summary>Failure and error messages (one-line summaries CI views show) are shortened to this; the text has them whole.</summary>
    public const int MaxMessageLength = 500;

    private const int TestCasesPerCancellationCheck = 1024;

    public string Format => "junit";

    public string FileName => "report.junit.xml";

    public Task WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();

        // XmlWriter fills its buffer synchronously; ReportFileWriter already renders each report on the thread pool.
        Write(result, output, cancellationToken);
        return Task.CompletedTask;
    }

    private static void Write(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        var enabled = result.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var disabled = result.Catalog.Rules.Where(r => !enabled.ContainsKey(r.Id)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var ruleIds = enabled.Keys.Concat(disabled.Keys).Order(StringComparer.Ordinal).ToList();

        // Outcome lists per rule in engine order (region, then resource id): deterministic, and no copy of the
        // outcomes themselves, which run to millions at scale.
        var outcomesByRule = enabled.Keys.ToDictionary(id => id, _ => new List<RuleOutcomes>(), StringComparer.Ordinal);
        foreach (var list in result.Evaluation.Outcomes.ByRuleAndScope)
        {
            if (!outcomesByRule.TryGetValue(list.RuleId, out var lists))
            {
                throw new InvalidOperationException($"an outcome names rule {list.RuleId}, which is not among the scan's rules");
            }

            lists.Add(list);
        }

        var gapsByRule = result.Evaluation.Gaps.ToLookup(g => g.RuleId, StringComparer.Ordinal);
        var findings = FindingsInOrder(result.Findings);
        var findingRanges = FindingRanges(findings);
        var names = ResourceNames(result.Inventory);
        var timestamp = result.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        // A failed outcome whose every finding is suppressed is a skipped testcase: the gate ignores it, so the CI view
        // stays green for it, and its skip message names the suppression.
        bool Suppressed(ResourceOutcome outcome) => !outcome.Passed
            && findingRanges.TryGetValue((outcome.RuleId, outcome.AccountId, outcome.Region, outcome.ResourceId), out var range)
            && AllSuppressed(findings.AsSpan(range.Start, range.Count));
        var totals = ruleIds.Select(id =>
            {
                if (disabled.ContainsKey(id))
                {
                    return (Tests: 1, Failures: 0, Errors: 0, Skipped: 1);
                }

                var outcomes = outcomesByRule[id].SelectMany(list => list);
                var suppressed = outcomes.Count(Suppressed);
                return (Tests: outcomesByRule[id].Sum(list => list.Count) + gapsByRule[id].Count(), Failures: outcomes.Count(o => !o.Passed) - suppressed, Errors: gapsByRule[id].Count(), Skipped: suppressed);
            })
            .ToList();

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", ReportToolInfo.Name);
        xml.WriteAttributeString("tests", Number(totals.Sum(t => t.Tests)));
        xml.WriteAttributeString("failures", Number(totals.Sum(t => t.Failures)));
        xml.WriteAttributeString("errors", Number(totals.Sum(t => t.Errors)));
        xml.WriteAttributeString("time", Seconds(result.FinishedAt - result.StartedAt));

        var written = 0;
        for (var r = 0; r < ruleIds.Count; r++)
        {
            var id = ruleIds[r];
            var (tests, failures, errors, skipped) = totals[r];
            var definition = enabled.TryGetValue(id, out var rule) ? rule.Definition : disabled[id];
            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", $"{definition.Id} {definition.Title}");
            xml.WriteAttributeString("tests", Number(tests));
            xml.WriteAttributeString("failures", Number(failures));
            xml.WriteAttributeString("errors", Number(errors));
            xml.WriteAttributeString("skipped", Number(skipped));
            xml.WriteAttributeString("timestamp", timestamp);
            WriteProperties(xml, definition, rule);

            if (rule is null)
            {
                WriteDisabled(xml, definition);
            }
            else
            {
                foreach (var outcome in outcomesByRule[id].SelectMany(list => list))
                {
                    var range = outcome.Passed ? default : findingRanges.GetValueOrDefault((outcome.RuleId, outcome.AccountId, outcome.Region, outcome.ResourceId));
                    WriteOutcome(xml, rule, outcome, findings.AsSpan(range.Start, range.Count), names);
                    if (++written % TestCasesPerCancellationCheck == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                foreach (var gap in gapsByRule[id])
                {
                    WriteGap(xml, gap);
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteProperties(XmlWriter xml, RuleDefinition definition, ResolvedRule? rule)
    {
        xml.WriteStartElement("properties");
        Property(xml, "ruleId", definition.Id);
        Property(xml, "slug", definition.Slug);
        Property(xml, "severity", (rule?.Severity ?? definition.Severity).ToText());
        Property(xml, "resourceType", definition.ResourceKind.ToTypeName());
        Property(xml, "enabled", rule is null ? "false" : "true");
        if (rule?.Variant is { } variant)
        {
            Property(xml, "variant", variant);
        }

        xml.WriteEndElement();
    }

    private static void WriteOutcome(XmlWriter xml, ResolvedRule rule, ResourceOutcome outcome, ReadOnlySpan<Finding> findings, Dictionary<(string, string, string), string> names)
    {
        var name = findings.IsEmpty ? names.GetValueOrDefault((outcome.AccountId, outcome.Region, outcome.ResourceId), outcome.ResourceId) : findings[0].ResourceName;
        xml.WriteStartElement("testcase");
        Attribute(xml, "classname", ClassName(rule.Id, outcome.AccountId, outcome.Region));
        Attribute(xml, "name", TestCaseName(outcome.ResourceId, name));
        if (!outcome.Passed && AllSuppressed(findings))
        {
            var first = findings[0].Suppression!;
            var message = $"suppressed: {first.Reason} ({first.Source.Text}{(first.Until is { } day ? $", until {Suppression.FormatDate(day)}" : "")})";
            xml.WriteStartElement("skipped");
            Attribute(xml, "message", ReportText.Truncate(message, MaxMessageLength));
            Text(xml, FailureText(rule, outcome, name, findings));
            xml.WriteEndElement();
        }
        else if (!outcome.Passed)
        {
            var open = findings.IsEmpty ? null : FirstUnsuppressed(findings);
            var message = open is null
                ? $"{outcome.ResourceId} fails {rule.Id}"
                : findings.Length == 1 ? open.Message : $"{open.Message} (and {findings.Length - 1} more)";
            xml.WriteStartElement("failure");
            Attribute(xml, "message", ReportText.Truncate(message, MaxMessageLength));
            xml.WriteAttributeString("type", rule.Severity.ToText());
            Text(xml, FailureText(rule, outcome, name, findings));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string FailureText(ResolvedRule rule, ResourceOutcome outcome, string name, ReadOnlySpan<Finding> findings)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{rule.Id} {rule.Definition.Title} ({rule.Severity.ToText()})\n");
        text.Append(CultureInfo.InvariantCulture, $"{(outcome.Kind == ResourceKind.NetworkAcl ? "Network ACL" : "Security group")} {outcome.ResourceId} \"{name}\" in account {outcome.AccountId}, region {outcome.Region}");
        if (!findings.IsEmpty && findings[0].VpcId is { } vpc)
        {
            text.Append(CultureInfo.InvariantCulture, $", VPC {vpc}");
        }

        text.Append('\n');
        if (!findings.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"{findings[0].ResourceArn}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{findings.Length} finding{(findings.Length == 1 ? "" : "s")}:\n");
        foreach (var finding in findings)
        {
            var evidence = finding.Evidence;
            text.Append(CultureInfo.InvariantCulture, $"- {finding.Message}\n");
            text.Append(CultureInfo.InvariantCulture, $"  permission: {evidence.Permission}; source: {evidence.Source}; detail: {evidence.Detail}");
            if (evidence.AclRuleNumber is { } number)
            {
                text.Append(CultureInfo.InvariantCulture, $"; ACL rule #{number}");
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  fingerprint: {finding.Fingerprint}\n");
            if (finding.Suppression is { } suppression)
            {
                text.Append(CultureInfo.InvariantCulture, $"  suppressed: {suppression.Reason} ({suppression.Source.Text}{(suppression.Until is { } day ? $", until {Suppression.FormatDate(day)}" : "")}); does not fail the scan\n");
            }
        }

        if (rule.Definition.Remediation.Text.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nHow to fix: {rule.Definition.Remediation.Text}\n");
        }

        return text.ToString();
    }

    private static bool AllSuppressed(ReadOnlySpan<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Suppression is null)
            {
                return false;
            }
        }

        return !findings.IsEmpty;
    }

    private static Finding? FirstUnsuppressed(ReadOnlySpan<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Suppression is null)
            {
                return finding;
            }
        }

        return null;
    }

    private static void WriteGap(XmlWriter xml, RuleGap gap)
    {
        var scope = gap.Region is null ? $"account {gap.AccountId} (every region)" : $"account {gap.AccountId}, region {gap.Region}";
        xml.WriteStartElement("testcase");
        Attribute(xml, "classname", ClassName(gap.RuleId, gap.AccountId, gap.Region ?? AllRegions));
        xml.WriteAttributeString("name", NotAssessedName);
        xml.WriteStartElement("error");
        Attribute(xml, "message", ReportText.Truncate($"not assessed: {gap.Reason}", MaxMessageLength));
        xml.WriteAttributeString("type", NotAssessedType);
        Text(xml, $"{gap.RuleId} was not assessed in {scope}: {gap.Reason}\nSgAudit fails closed: a scope it could not assess is never a pass (the scan exits 3 unless --allow-partial).\n");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteDisabled(XmlWriter xml, RuleDefinition definition)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", definition.Id);
        xml.WriteAttributeString("name", "disabled");
        xml.WriteStartElement("skipped");
        Attribute(xml, "message", $"{definition.Id} is disabled in the scan configuration; it was not checked");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>"SGA001.111122223333.eu-west-1": GitLab shows the classname as the suite, Jenkins splits it into package and class.</summary>
    private static string ClassName(string ruleId, string accountId, string region) => $"{ruleId}.{accountId}.{region}";

    /// <summary>"sg-0abc (web-tier)", or just the id when the resource has no other name. Unique per classname: ids are.</summary>
    private static string TestCaseName(string resourceId, string name) =>
        name.Length == 0 || name == resourceId ? resourceId : $"{resourceId} ({ReportText.Truncate(name, MaxNameLength)})";

    /// <summary>The findings in <see cref="FindingOrder"/>, so each resource's findings for a rule are one contiguous run.</summary>
    private static Finding[] FindingsInOrder(ImmutableArray<Finding> findings)
    {
        var array = findings.ToArray();
        for (var i = 1; i < array.Length; i++)
        {
            if (FindingOrder.Instance.Compare(array[i - 1], array[i]) > 0)
            {
                Array.Sort(array, FindingOrder.Instance);
                break;
            }
        }

        return array;
    }

    private static Dictionary<(string RuleId, string AccountId, string Region, string ResourceId), (int Start, int Count)> FindingRanges(Finding[] findings)
    {
        var ranges = new Dictionary<(string, string, string, string), (int Start, int Count)>();
        var start = 0;
        for (var i = 1; i <= findings.Length; i++)
        {
            if (i == findings.Length || !SameResource(findings[start], findings[i]))
            {
                ranges[(findings[start].RuleId, findings[start].AccountId, findings[start].Region, findings[start].ResourceId)] = (start, i - start);
                start = i;
            }
        }

        return ranges;
    }

    private static bool SameResource(Finding a, Finding b) =>
        a.RuleId == b.RuleId && a.AccountId == b.AccountId && a.Region == b.Region && a.ResourceId == b.ResourceId;

    /// <summary>Names of passing resources (findings carry the failing ones'): group names, and an ACL's Name tag or id as elsewhere.</summary>
    private static Dictionary<(string AccountId, string Region, string ResourceId), string> ResourceNames(Inventory inventory)
    {
        var names = new Dictionary<(string, string, string), string>();
        foreach (var region in inventory.Regions)
        {
            foreach (var group in region.SecurityGroups)
            {
                names[(region.AccountId, region.Region, group.Id)] = group.Name;
            }

            foreach (var acl in region.NetworkAcls)
            {
                names[(region.AccountId, region.Region, acl.Id)] = ResourceVerdict.For(acl, []).ResourceName;
            }
        }

        return names;
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        Attribute(xml, "value", value);
        xml.WriteEndElement();
    }

    /// <summary>Every value that may hold account data goes through here or <see cref="Text"/>.</summary>
    private static void Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeString(name, XmlReportText.Clean(value));

    private static void Text(XmlWriter xml, string value) => xml.WriteString(XmlReportText.Clean(value));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) => Math.Max(0, duration.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
}
