using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>One suppression of the scan and what became of it: applied, expired, stale or invalid.</summary>
public sealed record SuppressionStatusView
{
    /// <summary>1-based, in report order (config file order, then tags by account, region and resource); anchor <c>supp-{Index}</c>.</summary>
    public required int Index { get; init; }

    /// <summary>"applied", "expired", "stale" or "invalid".</summary>
    public required string Status { get; init; }

    /// <summary>"Applied", "Expired", "Stale" or "Invalid".</summary>
    public required string StatusText { get; init; }

    /// <summary>"config" or "tag".</summary>
    public required string SourceKind { get; init; }

    public required string Source { get; init; }

    /// <summary>The config file (config suppressions).</summary>
    public string? File { get; init; }

    /// <summary>The line of its list item (config suppressions).</summary>
    public int? Line { get; init; }

    /// <summary>The tagged resource (tag suppressions).</summary>
    public string? AccountId { get; init; }

    public string? Region { get; init; }
    public string? ResourceId { get; init; }

    /// <summary>The rules it suppresses; empty for an invalid tag.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }

    /// <summary>The selectors (all must match); null for an invalid tag.</summary>
    public SuppressionSelectorView? Selector { get; init; }

    /// <summary>The selectors in words ("resourceId sg-0abc*, region eu-west-1"); empty for an invalid tag.</summary>
    public required string SelectorText { get; init; }

    /// <summary>Null for an invalid tag.</summary>
    public string? Reason { get; init; }

    /// <summary>The last day it applies (YYYY-MM-DD, UTC); null when it never expires or is invalid.</summary>
    public string? Until { get; init; }

    /// <summary>Findings it covers, in force or not (an expired one: what it would have suppressed).</summary>
    public required int Findings { get; init; }

    /// <summary>Findings it actually suppressed.</summary>
    public required int Suppressed { get; init; }

    /// <summary>Why an invalid tag is not a suppression.</summary>
    public string? Problem { get; init; }

    /// <summary>An invalid tag's value as found (account data).</summary>
    public string? Value { get; init; }
}
