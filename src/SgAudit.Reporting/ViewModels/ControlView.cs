using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>One framework control's status after the scan.</summary>
public sealed record ControlView
{
    public required string Id { get; init; }

    /// <summary>"CIS AWS Foundations v3.0.0 5.2": every label names the framework version.</summary>
    public required string Label { get; init; }

    public required string Title { get; init; }

    /// <summary>"pass", "fail" or "not-assessed".</summary>
    public required string Status { get; init; }

    /// <summary>"Pass", "Fail" or "Not assessed".</summary>
    public required string StatusText { get; init; }

    /// <summary>Distinct resources failing a mapped rule.</summary>
    public required int FailingResources { get; init; }

    public required ImmutableArray<string> RuleIds { get; init; }

    /// <summary>Why the control is not assessed, or null.</summary>
    public string? Reason { get; init; }

    public string? Notes { get; init; }
}
