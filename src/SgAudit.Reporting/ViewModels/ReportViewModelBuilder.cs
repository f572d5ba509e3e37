using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SgAudit.Core.Baselines;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;
using SgAudit.Reporting.Sarif;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// Builds the <see cref="ReportViewModel"/> every template renders. All derived values (counts, labels, orders,
/// SARIF runs) are computed here once, so the formats agree with each other and templates stay logic-free.
/// </summary>
public sealed class ReportViewModelBuilder
{
    /// <summary>Rules with more findings than this start collapsed in the HTML report, so it stays usable at 100,000+ findings.</summary>
    public const int OpenGroupLimit = 200;

    /// <summary>How many findings the Markdown summary lists.</summary>
    public const int TopFindingLimit = 20;

    /// <summary>How many rules the Markdown summary lists.</summary>
    public const int TopRuleLimit = 10;

    /// <summary>How many suppressions the Markdown summary lists.</summary>
    public const int TopSuppressionLimit = 30;

    // The Markdown summary lists what needs attention first.
    private static readonly ImmutableArray<string> SuppressionStatusOrder = ["expired", "invalid", "stale", "applied"];

    private static readonly ImmutableArray<Severity> SeveritiesDescending = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];

    private readonly SarifLimits _sarifLimits;

    public ReportViewModelBuilder()
        : this(SarifLimits.GitHub)
    {
    }

    public ReportViewModelBuilder(SarifLimits sarifLimits) => _sarifLimits = sarifLimits;

    /// <summary>
    /// Every writer of one scan renders the same model; building it once matters at 100,000+ findings. Keyed by the
    /// result's identity (weakly, so it lives exactly as long as the result) and the SARIF limits it was built with.
    /// </summary>
    /// <remarks>Writers may render concurrently; the <see cref="Lazy{T}"/> makes sure the model is built once.</remarks>
    private static readonly ConditionalWeakTable<ScanResult, ConcurrentDictionary<SarifLimits, Lazy<ReportViewModel>>> Built = new();

    public ReportViewModel Build(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byLimits = Built.GetValue(result, static _ => new ConcurrentDictionary<SarifLimits, Lazy<ReportViewModel>>());
        return byLimits.GetOrAdd(_sarifLimits, limits => new Lazy<ReportViewModel>(() => BuildNew(result))).Value;
    }

    /// <summary>The model already built for <paramref name="result"/> with these limits, if a writer built one.</summary>
    internal bool TryGetBuilt(ScanResult result, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportViewModel? model)
    {
        model = Built.TryGetValue(result, out var byLimits) && byLimits.TryGetValue(_sarifLimits, out var lazy) && lazy.IsValueCreated ? lazy.Value : null;
        return model is not null;
    }

    private ReportViewModel BuildNew(ScanResult result)
    {
        var controlsByRule = result.Rules.ToDictionary(
            r => r.Id,
            r => result.Catalog.ControlsFor(r.Id).Select(c => c.Framework.Label(c.Control)).ToImmutableArray(),
            StringComparer.Ordinal);
        var cloudTrail = new CloudTrailViews(result);

        // The SARIF plan reads only the findings and CloudTrail: build it beside the finding views, which every writer
        // waits for.
        var sarif = Task.Run(() => new SarifLogBuilder(_sarifLimits).Build(result, cloudTrail));
        var (suppressions, suppressionOf) = Suppressions(result);
        var findings = result.Findings.Select(f => Finding(f, controlsByRule.GetValueOrDefault(f.RuleId, []), cloudTrail.For(f), suppressionOf)).ToImmutableArray();
        var findingsByRule = findings.ToLookup(f => f.RuleId, StringComparer.Ordinal);
        var rules = result.Rules.Select(r => Rule(r, controlsByRule[r.Id], [.. findingsByRule[r.Id]])).ToImmutableArray();
        var rulesWithFindings = rules.Where(r => r.FindingCount > 0).ToImmutableArray();
        var severityRank = result.Rules.ToDictionary(r => r.Id, r => r.Severity, StringComparer.Ordinal);

        // Equal severities keep the deterministic finding order; with a baseline, new findings first. Only 20 are
        // needed, so each (new/unchanged, severity) bucket keeps its first 20 instead of sorting every finding.
        ImmutableArray<FindingView> MostSevere(bool suppressed)
        {
            var buckets = new List<int>[2 * SeveritiesDescending.Length];
            for (var i = 0; i < result.Findings.Length; i++)
            {
                var finding = result.Findings[i];
                if ((finding.Suppression is not null) != suppressed)
                {
                    continue;
                }

                var bucket = ((finding.Baseline == BaselineState.Unchanged ? 1 : 0) * SeveritiesDescending.Length) + ((int)Severity.Critical - (int)finding.Severity);
                var indices = buckets[bucket] ??= [];
                if (indices.Count < TopFindingLimit)
                {
                    indices.Add(i);
                }
            }

            return [.. buckets.Where(b => b is not null).SelectMany(b => b).Take(TopFindingLimit).Select(i => findings[i])];
        }

        var suppressedCount = result.SuppressedFindings;
        var bySeverity = new int[(int)Severity.Critical + 1];
        foreach (var finding in result.Findings)
        {
            bySeverity[(int)finding.Severity]++;
        }

        var topFindings = MostSevere(suppressed: false);
        var topSuppressed = suppressedCount == 0 ? [] : MostSevere(suppressed: true);

        return new ReportViewModel
        {
            Tool = new ToolView(ReportToolInfo.Name, result.ToolVersion, ReportToolInfo.InformationUri),
            Scan = Scan(result),
            FindingCount = findings.Length,
            Severities = [.. SeveritiesDescending.Select(s => new SeverityCountView(
                s.ToText(),
                bySeverity[(int)s],
                result.FailOn is { } gate && s >= gate))],
            Resources = Resources(result.Inventory),
            Rules = rules,
            RulesWithFindings = rulesWithFindings,
            TopRules = [.. rulesWithFindings
                .OrderByDescending(r => r.FindingCount)
                .ThenByDescending(r => severityRank[r.Id])
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(TopRuleLimit)],
            Frameworks = ComplianceViews.Frameworks(result.Evaluation.Controls),
            NotAssessed = [.. result.Inventory.NotAssessed.Select(s => new NotAssessedView(s.AccountId, s.Region, s.ErrorCode, s.Message))],
            RuleGaps = [.. result.Evaluation.Gaps.Select(Gap)],
            RuleGapsInAssessedScopes = [.. result.Evaluation.Gaps
                .Where(g => !result.Inventory.NotAssessed.Any(s => s.AccountId == g.AccountId && (s.Region is null || s.Region == g.Region)))
                .Select(Gap)],
            Findings = findings,
            TopFindings = topFindings,
            MoreFindings = findings.Length - suppressedCount - topFindings.Length,
            UnsuppressedFindingCount = findings.Length - suppressedCount,
            Suppressions = suppressions,
            TopSuppressions = [.. suppressions.OrderBy(v => SuppressionStatusOrder.IndexOf(v.Status)).Take(TopSuppressionLimit)],
            MoreSuppressions = Math.Max(0, suppressions.Length - TopSuppressionLimit),
            SuppressionSummary = new SuppressionSummaryView(
                suppressions.Count(s => s.Status == "applied"),
                suppressions.Count(s => s.Status == "expired"),
                suppressions.Count(s => s.Status == "stale"),
                suppressions.Count(s => s.Status == "invalid"),
                suppressedCount),
            TopSuppressedFindings = topSuppressed,
            MoreSuppressedFindings = suppressedCount - topSuppressed.Length,
            CloudTrail = cloudTrail.View,
            Baseline = result.Baseline is { } baseline ? Baseline(baseline) : null,
            Sarif = sarif.GetAwaiter().GetResult(),
        };
    }

    private static BaselineView Baseline(BaselineComparison comparison)
    {
        var fixedFindings = comparison.Fixed.Select(f => ReportedFindingView.From(f)).ToImmutableArray();
        return new BaselineView
        {
            File = comparison.Report.File,
            StartedAt = comparison.Report.StartedAt is { } started ? ReportText.Timestamp(started) : null,
            New = comparison.New,
            Unchanged = comparison.Unchanged,
            Fixed = comparison.Fixed.Length,
            NotReassessed = comparison.NotReassessed.Length,
            FixedFindings = fixedFindings,
            NotReassessedFindings = [.. comparison.NotReassessed.Select(n => ReportedFindingView.From(n.Finding, n.Reason))],
            TopFixed = [.. fixedFindings.Take(TopFindingLimit)],
            MoreFixed = Math.Max(0, fixedFindings.Length - TopFindingLimit),
        };
    }

    private static RuleGapView Gap(RuleGap gap) => new(gap.RuleId, gap.AccountId, gap.Region, gap.Reason);

    /// <summary>Every suppression's view, and the view of each suppression in force by identity, for the findings it covers.</summary>
    private static (ImmutableArray<SuppressionStatusView> Views, Dictionary<Suppression, SuppressionView> ByIdentity) Suppressions(ScanResult result)
    {
        var byIdentity = new Dictionary<Suppression, SuppressionView>(ReferenceEqualityComparer.Instance);
        var views = ImmutableArray.CreateBuilder<SuppressionStatusView>(result.Suppressions.Length);
        foreach (var entry in result.Suppressions)
        {
            var index = views.Count + 1;
            var suppression = entry.Suppression;
            var source = entry.Source;
            var until = suppression?.Until is { } day ? Core.Suppressions.Suppression.FormatDate(day) : null;
            if (suppression is not null)
            {
                byIdentity.TryAdd(suppression, new SuppressionView
                {
                    Index = index,
                    SourceKind = SourceKind(source),
                    Source = source.Text,
                    Reason = suppression.Reason,
                    Until = until,
                });
            }

            var selector = suppression?.Selector;
            views.Add(new SuppressionStatusView
            {
                Index = index,
                Status = entry.Status switch
                {
                    SuppressionStatus.Applied => "applied",
                    SuppressionStatus.Expired => "expired",
                    SuppressionStatus.Stale => "stale",
                    _ => "invalid",
                },
                StatusText = entry.Status.ToString(),
                SourceKind = SourceKind(source),
                Source = source.Text,
                File = source.File,
                Line = source.Line,
                AccountId = source.AccountId,
                Region = source.Region,
                ResourceId = source.ResourceId,
                RuleIds = suppression?.RuleIds ?? [],
                Selector = selector is null ? null : new SuppressionSelectorView(selector.ResourceId?.Text, selector.ResourceName?.Text, selector.VpcId, selector.AccountId, selector.Region),
                SelectorText = selector?.Describe() ?? "",
                Reason = suppression?.Reason,
                Until = until,
                Findings = entry.Findings,
                Suppressed = entry.Suppressed,
                Problem = entry.Problem,
                Value = entry.Value,
            });
        }

        return (views.MoveToImmutable(), byIdentity);
    }

    // A suppression the result does not list (a result built by hand): still shown as suppressed, without an anchor.
    private static SuppressionView Unlisted(Suppression suppression) => new()
    {
        Index = 0,
        SourceKind = SourceKind(suppression.Source),
        Source = suppression.Source.Text,
        Reason = suppression.Reason,
        Until = suppression.Until is { } day ? Core.Suppressions.Suppression.FormatDate(day) : null,
    };

    private static string SourceKind(SuppressionSource source) => source.Kind == SuppressionSourceKind.Tag ? "tag" : "config";

    private static ScanView Scan(ScanResult result)
    {
        var gateFindings = result.GateFindings;
        return new ScanView
        {
            StartedAt = ReportText.Timestamp(result.StartedAt),
            FinishedAt = ReportText.Timestamp(result.FinishedAt),
            Duration = ReportText.Duration(result.StartedAt, result.FinishedAt),
            SourceKind = result.Inputs.SourceKind,
            ApiCalls = result.Inputs.ApiCalls?.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
            Source = result.Inputs.Source,
            ConfigFile = result.Inputs.ConfigFile,
            FailOn = result.FailOn?.ToText(),
            GateFindings = gateFindings,
            Failed = gateFindings > 0,
            Incomplete = gateFindings == 0 && result.IsPartial,
            Verdict = gateFindings > 0 ? "fail" : result.IsPartial ? "incomplete" : "pass",
            Partial = result.IsPartial,
        };
    }

    private static ResourceCountsView Resources(Inventory inventory) => new(
        inventory.Regions.Select(r => r.AccountId).Distinct(StringComparer.Ordinal).Count(),
        inventory.Regions.Length,
        inventory.Regions.Sum(r => r.Vpcs.Length),
        inventory.Regions.Sum(r => r.SecurityGroups.Length),
        inventory.Regions.Sum(r => r.NetworkInterfaces.Length),
        inventory.Regions.Sum(r => r.NetworkAcls.Length));

    private static RuleView Rule(ResolvedRule rule, ImmutableArray<string> controls, ImmutableArray<FindingView> findings)
    {
        var definition = rule.Definition;
        return new RuleView
        {
            Id = definition.Id,
            Slug = definition.Slug,
            Name = ReportText.PascalCase(definition.Slug),
            Title = definition.Title,
            Severity = rule.Severity.ToText(),
            DefaultSeverity = rule.SeverityOverridden ? definition.Severity.ToText() : null,
            Origin = definition.Origin,
            ResourceType = definition.ResourceKind.ToTypeName(),
            Description = definition.Description,
            Risk = definition.Risk,
            Remediation = new RemediationView(definition.Remediation.Text, definition.Remediation.Cli, definition.Remediation.Terraform),
            References = definition.References,
            Tags = definition.Tags,
            Variant = rule.Variant,
            Parameters = Parameters(definition, rule.Parameters),
            Guidance = definition.Guidance,
            Controls = controls,
            FindingCount = findings.Length,
            Findings = findings,
            FindingsOpen = findings.Length <= OpenGroupLimit,
        };
    }

    // Declaration order from rule.json, then anything else by name: never the dictionary's hash order.
    private static ImmutableArray<ParameterView> Parameters(RuleDefinition definition, RuleParameters parameters)
    {
        var declared = definition.Parameters.Select(p => p.Name).ToList();
        var names = declared.Concat(parameters.Values.Keys.Except(declared, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return [.. names
            .Where(parameters.Values.ContainsKey)
            .Select(name => new ParameterView(name, ParameterValues.ToText(parameters.Values[name]), parameters.Values[name]))];
    }

    private static FindingView Finding(Finding finding, ImmutableArray<string> controls, AttributionView? attribution, Dictionary<Suppression, SuppressionView> suppressions) => new()
    {
        RuleId = finding.RuleId,
        Severity = finding.Severity.ToText(),
        AccountId = finding.AccountId,
        Region = finding.Region,
        VpcId = finding.VpcId,
        ResourceType = finding.ResourceKind.ToTypeName(),
        ResourceKind = finding.ResourceKind == ResourceKind.NetworkAcl ? "network ACL" : "security group",
        ResourceId = finding.ResourceId,
        ResourceName = finding.ResourceName,
        ResourceArn = finding.ResourceArn,
        Message = finding.Message,
        Permission = finding.Evidence.Permission,
        Source = finding.Evidence.Source,
        Detail = finding.Evidence.Detail,
        Direction = finding.Evidence.Direction switch
        {
            Direction.Ingress => "ingress",
            Direction.Egress => "egress",
            _ => null,
        },
        Protocol = finding.Evidence.Protocol?.Name,
        Ports = finding.Evidence.Ports?.ToString(),
        AclRuleNumber = finding.Evidence.AclRuleNumber,
        Controls = controls,
        Fingerprint = finding.Fingerprint,
        EvidenceKey = finding.Evidence.Key,
        Attribution = attribution,
        Suppression = finding.Suppression is { } suppression ? suppressions.GetValueOrDefault(suppression) ?? Unlisted(suppression) : null,
        Baseline = finding.Baseline switch
        {
            BaselineState.New => "new",
            BaselineState.Unchanged => "unchanged",
            _ => null,
        },
        BaselineText = finding.Baseline switch
        {
            BaselineState.New => "New",
            BaselineState.Unchanged => "Unchanged",
            _ => null,
        },
    };
}
