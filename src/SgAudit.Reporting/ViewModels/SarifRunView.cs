using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>One SARIF run: a category (one account/region, one account, or everything) and its results.</summary>
public sealed record SarifRunView
{
    /// <summary>automationDetails.id: "sgaudit/&lt;account&gt;/&lt;region&gt;/", "sgaudit/&lt;account&gt;/all/" or "sgaudit/all/".</summary>
    public required string Category { get; init; }

    public required SarifDriverView Driver { get; init; }

    /// <summary>Most severe first, then the deterministic finding order; at most the per-run limit.</summary>
    public required ImmutableArray<SarifResultView> Results { get; init; }

    public required ImmutableArray<SarifNotificationView> Notifications { get; init; }

    public required string StartTimeUtc { get; init; }
    public required string EndTimeUtc { get; init; }
}
