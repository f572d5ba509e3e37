using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// What every report template renders, built from a ScanResult by <see cref="ReportViewModelBuilder"/>. Templates
/// never see domain types. Fields are documented in reports-templates/README.md.
/// </summary>
public sealed record ReportViewModel
{
    public required ToolView Tool { get; init; }
    public required ScanView Scan { get; init; }

    /// <summary>Total findings.</summary>
    public required int FindingCount { get; init; }

    /// <summary>Critical to info, every severity present.</summary>
    public required ImmutableArray<SeverityCountView> Severities { get; init; }

    public required ResourceCountsView Resources { get; init; }

    /// <summary>Every rule that ran, in id order.</summary>
    public required ImmutableArray<RuleView> Rules { get; init; }

    /// <summary>The rules with at least one finding, in id order.</summary>
    public required ImmutableArray<RuleView> RulesWithFindings { get; init; }

    /// <summary>Up to 10 rules with the most findings (then most severe, then id).</summary>
    public required ImmutableArray<RuleView> TopRules { get; init; }

    public required ImmutableArray<FrameworkView> Frameworks { get; init; }
    public required ImmutableArray<NotAssessedView> NotAssessed { get; init; }
    /// <summary>Every rule that could not run somewhere, including each rule in each not-assessed scope.</summary>
    public required ImmutableArray<RuleGapView> RuleGaps { get; init; }

    /// <summary>
    /// The gaps in scopes that were read (e.g. an input without network ACLs): <see cref="RuleGaps"/> without the ones
    /// a not-assessed scope already explains, which would repeat every rule for every unreadable region.
    /// </summary>
    public required ImmutableArray<RuleGapView> RuleGapsInAssessedScopes { get; init; }

    /// <summary>Every finding in the deterministic order (rule, account, region, resource, evidence).</summary>
    public required ImmutableArray<FindingView> Findings { get; init; }

    /// <summary>The first 20 findings no suppression covers, most severe first.</summary>
    public required ImmutableArray<FindingView> TopFindings { get; init; }

    /// <summary>Unsuppressed findings not in <see cref="TopFindings"/>.</summary>
    public required int MoreFindings { get; init; }

    /// <summary>Findings no suppression covers (all of them when there are no suppressions).</summary>
    public required int UnsuppressedFindingCount { get; init; }

    /// <summary>Every suppression of the scan with its status: config file order, then tags by account, region and resource.</summary>
    public required ImmutableArray<SuppressionStatusView> Suppressions { get; init; }

    /// <summary>Up to 30 suppressions for the Markdown summary: expired, invalid, stale, then applied, each in report order.</summary>
    public required ImmutableArray<SuppressionStatusView> TopSuppressions { get; init; }

    /// <summary>Suppressions not in <see cref="TopSuppressions"/>.</summary>
    public required int MoreSuppressions { get; init; }

    /// <summary>Counts of <see cref="Suppressions"/> per status and of suppressed findings.</summary>
    public required SuppressionSummaryView SuppressionSummary { get; init; }

    /// <summary>The first 20 suppressed findings, most severe first.</summary>
    public required ImmutableArray<FindingView> TopSuppressedFindings { get; init; }

    /// <summary>Suppressed findings not in <see cref="TopSuppressedFindings"/>.</summary>
    public required int MoreSuppressedFindings { get; init; }

    /// <summary>Trail posture per account and the attribution of failing groups; informational.</summary>
    public required CloudTrailView CloudTrail { get; init; }

    /// <summary>The comparison with the --baseline report; null without one.</summary>
    public BaselineView? Baseline { get; init; }

    /// <summary>The SARIF runs; only the SARIF template reads them.</summary>
    public required SarifLogView Sarif { get; init; }
}
