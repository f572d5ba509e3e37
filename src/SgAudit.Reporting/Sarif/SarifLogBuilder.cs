using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting.Sarif;

/// <summary>
/// Plans the SARIF runs for GitHub code scanning. Each upload replaces everything in a run's category and marks
/// what it no longer contains as fixed, so: one run per assessed account/region, empty runs included (they close
/// fixed alerts); no run for a scope that could not be read completely (its alerts would be closed falsely); coarser
/// categories when there are more scopes than runs allowed; the most severe results when a run is over the limit.
/// </summary>
internal sealed class SarifLogBuilder(SarifLimits limits)
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string Version = "2.1.0";

    public SarifLogView Build(ScanResult result) => Build(result, new CloudTrailViews(result));

    public SarifLogView Build(ScanResult result, CloudTrailViews cloudTrail)
    {
        var driver = new SarifDriverView(
            ReportToolInfo.Name,
            result.ToolVersion,
            result.ToolVersion,
            ReportToolInfo.InformationUri,
            [.. result.Rules.Select(r => Rule(r.Definition))]);
        var ruleIndex = driver.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var (grouping, runScopes) = PlanRuns(result.Inventory);

        // Suppressed findings are left out entirely: GitHub code scanning ignores SARIF's own suppressions and would
        // show them as open alerts. report.json and report.html list them, marked.
        var active = result.Findings.Where(f => f.Suppression is null).ToList();
        var suppressedByScope = active.Count == result.Findings.Length ? null : result.Findings.Where(f => f.Suppression is not null).ToLookup(f => (f.AccountId, f.Region));
        var findingsByScope = active.ToLookup(f => (f.AccountId, f.Region));
        var runs = ImmutableArray.CreateBuilder<SarifRunView>(runScopes.Count);
        var written = 0;
        var truncated = 0;
        var covered = 0;
        foreach (var (category, scopes) in runScopes)
        {
            var findings = scopes.SelectMany(s => findingsByScope[s]).ToList();
            covered += findings.Count;

            // Most severe first, then in finding order. The engine's findings are in finding order already and the
            // sort is stable, so then only severity needs sorting (comparing 100,000s of findings field by field is not free).
            var bySeverity = findings.OrderByDescending(f => f.Severity);
            var kept = (IsInFindingOrder(findings) ? bySeverity : bySeverity.ThenBy(f => f, FindingOrder.Instance))
                .Take(limits.MaxResultsPerRun)
                .Select(f => Result(f, ruleIndex[f.RuleId], cloudTrail.For(f)))
                .ToImmutableArray();
            written += kept.Length;

            var notifications = ImmutableArray.CreateBuilder<SarifNotificationView>();
            if (findings.Count > kept.Length)
            {
                var left = findings.Count - kept.Length;
                truncated += left;
                notifications.Add(new SarifNotificationView("warning", string.Create(CultureInfo.InvariantCulture,
                    $"This run holds the {kept.Length} most severe of {findings.Count} results: {left} were left out because GitHub code scanning accepts at most {limits.MaxResultsPerRun} results per run. report.json and report.html list every finding.")));
            }

            if (suppressedByScope is not null && scopes.Sum(scope => suppressedByScope[scope].Count()) is var suppressed and > 0)
            {
                notifications.Add(new SarifNotificationView("note", string.Create(CultureInfo.InvariantCulture,
                    $"{suppressed} suppressed findings are left out of this run (GitHub code scanning does not honour SARIF suppressions); report.json and report.html list them with their reasons.")));
            }

            foreach (var gap in result.Evaluation.Gaps.Where(g => g.Region is not null && scopes.Contains((g.AccountId, g.Region))))
            {
                notifications.Add(new SarifNotificationView("warning",
                    $"{gap.RuleId} was not assessed in {gap.AccountId}/{gap.Region} ({gap.Reason}); GitHub closes this category's open {gap.RuleId} alerts there as fixed."));
            }

            runs.Add(new SarifRunView
            {
                Category = category,
                Driver = driver,
                Results = kept,
                Notifications = notifications.ToImmutable(),
                StartTimeUtc = ReportText.Timestamp(result.StartedAt),
                EndTimeUtc = ReportText.Timestamp(result.FinishedAt),
            });
        }

        return new SarifLogView
        {
            Schema = SchemaUri,
            Version = Version,
            Runs = runs.ToImmutable(),
            Grouping = grouping,
            Results = written,
            TruncatedResults = truncated,
            OmittedResults = active.Count - covered,
        };
    }

    /// <summary>The severity GitHub shows: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; boundaries avoided.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => "0.5",
    };

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    // Region scopes when they fit; else one run per account; else one run. A run never covers a scope that was not
    // (completely) assessed: with coarser categories that drops the whole account, or everything.
    private (string Grouping, List<(string Category, HashSet<(string, string)> Scopes)> Runs) PlanRuns(Inventory inventory)
    {
        bool AccountIncomplete(string account) => inventory.NotAssessed.Any(s => s.AccountId == account);
        bool RegionIncomplete(string account, string region) =>
            inventory.NotAssessed.Any(s => s.AccountId == account && (s.Region is null || s.Region == region));

        var assessed = inventory.Regions
            .Select(r => (r.AccountId, r.Region))
            .Where(s => !RegionIncomplete(s.AccountId, s.Region))
            .Distinct()
            .OrderBy(s => s.AccountId, StringComparer.Ordinal)
            .ThenBy(s => s.Region, StringComparer.Ordinal)
            .ToList();

        if (assessed.Count <= limits.MaxRuns)
        {
            return ("region", [.. assessed.Select(s => (SarifArtifactPaths.RegionCategory(s.AccountId, s.Region), new HashSet<(string, string)> { s }))]);
        }

        var accounts = assessed.Select(s => s.AccountId).Distinct().Where(a => !AccountIncomplete(a)).ToList();
        if (accounts.Count <= limits.MaxRuns)
        {
            return ("account", [.. accounts.Select(a => (SarifArtifactPaths.AccountCategory(a), assessed.Where(s => s.AccountId == a).ToHashSet()))]);
        }

        return inventory.NotAssessed.IsEmpty
            ? ("all", [(SarifArtifactPaths.AllCategory, assessed.ToHashSet())])
            : ("all", []);
    }

    private static SarifRuleView Rule(RuleDefinition rule)
    {
        var references = rule.References;
        return new SarifRuleView
        {
            Id = rule.Id,
            Name = ReportText.PascalCase(rule.Slug),
            ShortDescription = ReportText.Truncate(rule.Title, SarifLimits.MaxDescriptionLength),
            FullDescription = ReportText.Truncate(string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description, SarifLimits.MaxDescriptionLength),
            HelpText = HelpText(rule),
            HelpMarkdown = HelpMarkdown(rule),
            HelpUri = references.IsEmpty ? null : references[0],
            Level = Level(rule.Severity),
            Tags = [.. rule.Tags.Prepend("security").Distinct(StringComparer.Ordinal).Take(SarifLimits.MaxTags)],
            Precision = "high",
            SecuritySeverity = SecuritySeverity(rule.Severity),
        };
    }

    private static string HelpText(RuleDefinition rule)
    {
        var text = new StringBuilder(rule.Guidance.TrimEnd());
        text.Append("\n\nRemediation: ").Append(rule.Remediation.Text);
        if (!string.IsNullOrWhiteSpace(rule.Remediation.Cli))
        {
            text.Append("\n\nAWS CLI: ").Append(rule.Remediation.Cli);
        }

        if (!rule.References.IsEmpty)
        {
            text.Append("\n\nReferences:");
            foreach (var reference in rule.References)
            {
                text.Append("\n- ").Append(reference);
            }
        }

        return text.Append('\n').ToString();
    }

    private static string HelpMarkdown(RuleDefinition rule)
    {
        var markdown = new StringBuilder(rule.Guidance.TrimEnd());
        markdown.Append("\n\n## Remediation\n\n").Append(rule.Remediation.Text).Append('\n');
        if (!string.IsNullOrWhiteSpace(rule.Remediation.Cli))
        {
            markdown.Append("\n```sh\n").Append(rule.Remediation.Cli.TrimEnd()).Append("\n```\n");
        }

        if (!rule.References.IsEmpty)
        {
            markdown.Append("\n## Links\n\n");
            foreach (var reference in rule.References)
            {
                markdown.Append("- <").Append(reference).Append(">\n");
            }
        }

        return markdown.ToString();
    }

    private static SarifResultView Result(Finding finding, int ruleIndex, AttributionView? attribution) => new()
    {
        RuleId = finding.RuleId,
        RuleIndex = ruleIndex,
        Level = Level(finding.Severity),
        Message = finding.Message,
        BaselineState = finding.Baseline switch
        {
            Core.Baselines.BaselineState.New => "new",
            Core.Baselines.BaselineState.Unchanged => "unchanged",
            _ => null,
        },
        ArtifactUri = SarifArtifactPaths.For(finding),
        ResourceId = finding.ResourceId,
        ResourceArn = finding.ResourceArn,
        ResourceName = finding.ResourceName,
        PrimaryLocationLineHash = finding.Fingerprint + ":1",
        AccountId = finding.AccountId,
        Region = finding.Region,
        VpcId = finding.VpcId,
        Permission = finding.Evidence.Permission,
        Source = finding.Evidence.Source,
        Attribution = attribution,
    };

    private static bool IsInFindingOrder(List<Finding> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            if (FindingOrder.Instance.Compare(findings[i - 1], findings[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
