using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// What html/report.hbs renders: every field of the shared <see cref="ReportViewModel"/> under the same name (so
/// templates written for it keep working), plus the HTML-only overview, filters, findings rows and resource cards.
/// </summary>
public sealed record HtmlReportViewModel
{
    private readonly ReportViewModel _report;

    public HtmlReportViewModel(ReportViewModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _report = report;
    }

    public ToolView Tool => _report.Tool;
    public ScanView Scan => _report.Scan;
    public int FindingCount => _report.FindingCount;
    public ImmutableArray<SeverityCountView> Severities => _report.Severities;
    public ResourceCountsView Resources => _report.Resources;
    public ImmutableArray<RuleView> Rules => _report.Rules;
    public ImmutableArray<RuleView> RulesWithFindings => _report.RulesWithFindings;
    public ImmutableArray<RuleView> TopRules => _report.TopRules;
    public ImmutableArray<FrameworkView> Frameworks => _report.Frameworks;
    public ImmutableArray<NotAssessedView> NotAssessed => _report.NotAssessed;
    public ImmutableArray<RuleGapView> RuleGaps => _report.RuleGaps;
    public ImmutableArray<RuleGapView> RuleGapsInAssessedScopes => _report.RuleGapsInAssessedScopes;
    public ImmutableArray<FindingView> Findings => _report.Findings;
    public ImmutableArray<FindingView> TopFindings => _report.TopFindings;
    public int MoreFindings => _report.MoreFindings;
    public int UnsuppressedFindingCount => _report.UnsuppressedFindingCount;
    public ImmutableArray<SuppressionStatusView> Suppressions => _report.Suppressions;
    public SuppressionSummaryView SuppressionSummary => _report.SuppressionSummary;
    public ImmutableArray<SuppressionStatusView> TopSuppressions => _report.TopSuppressions;
    public int MoreSuppressions => _report.MoreSuppressions;
    public ImmutableArray<FindingView> TopSuppressedFindings => _report.TopSuppressedFindings;
    public int MoreSuppressedFindings => _report.MoreSuppressedFindings;
    public CloudTrailView CloudTrail => _report.CloudTrail;
    public BaselineView? Baseline => _report.Baseline;

    /// <summary>The longest bar of the overview's charts, in pixels.</summary>
    public int BarWidth { get; } = HtmlReportViewModelBuilder.BarWidth;

    /// <summary>The overview's severity chart, critical to info.</summary>
    public required ImmutableArray<SeverityBarView> SeverityChart { get; init; }

    /// <summary>The chart's height in pixels.</summary>
    public required int SeverityChartHeight { get; init; }

    /// <summary>Findings by account, by region and by VPC.</summary>
    public required ImmutableArray<BreakdownTableView> Breakdowns { get; init; }

    /// <summary>One row per framework version: the compliance matrix.</summary>
    public required ImmutableArray<ComplianceBarView> ComplianceMatrix { get; init; }

    /// <summary>Filters of the findings table that have at least one option.</summary>
    public required ImmutableArray<FilterView> Filters { get; init; }

    /// <summary>Every finding in the deterministic order, with its resource card's number.</summary>
    public required ImmutableArray<FindingRowView> FindingRows { get; init; }

    /// <summary>One card per resource with findings, most severe first, at most <see cref="CardLimit"/>.</summary>
    public required ImmutableArray<ResourceGroupView> Groups { get; init; }

    /// <summary>At most this many resources get a card (<see cref="Groups"/>), most severe first.</summary>
    public int CardLimit { get; } = HtmlReportViewModelBuilder.CardLimit;

    /// <summary>Resources with findings, with or without a card.</summary>
    public required int FailingResources { get; init; }

    /// <summary>True when some failing resources have no card (more than <see cref="CardLimit"/>).</summary>
    public bool CardsCapped => FailingResources > Groups.Length;

    /// <summary>Network ACLs among <see cref="Groups"/>; the rest are security groups.</summary>
    public required int AclGroups { get; init; }
}
