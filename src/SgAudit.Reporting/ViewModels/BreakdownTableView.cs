using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>One overview table (by account, region or VPC), most findings first; collapsed when long.</summary>
public sealed record BreakdownTableView
{
    /// <summary>"account", "region" or "vpc": the findings filter a row selects.</summary>
    public required string Key { get; init; }

    /// <summary>"Account", "Region", "VPC".</summary>
    public required string Label { get; init; }

    public required ImmutableArray<BreakdownView> Rows { get; init; }

    /// <summary>True when the table is short enough to show expanded.</summary>
    public required bool Open { get; init; }
}
