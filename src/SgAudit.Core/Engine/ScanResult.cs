using System.Collections.Immutable;
using SgAudit.Core.Baselines;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;

namespace SgAudit.Core.Engine;

/// <summary>Everything a report needs about one scan. Reports render it; they never re-evaluate.</summary>
public sealed record ScanResult(string ToolVersion, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, ScanInputs Inputs)
{
    public required RuleCatalog Catalog { get; init; }
    public required ImmutableArray<ResolvedRule> Rules { get; init; }
    public required Inventory Inventory { get; init; }
    public required EvaluationResult Evaluation { get; init; }

    /// <summary>The gate threshold: findings at or above it fail the scan (exit 1). Null means never fail on findings.</summary>
    public Severity? FailOn { get; init; } = Severity.High;

    /// <summary>Trail posture and change attribution; informational, so <see cref="IsPartial"/> and the gate ignore it.</summary>
    public CloudTrailResult CloudTrail { get; init; } = CloudTrailResult.Empty;

    /// <summary>Every suppression of the scan (config file order, then tags by resource) with its status and counts.</summary>
    public ImmutableArray<SuppressionResult> Suppressions { get; init; } = [];

    /// <summary>The comparison with the --baseline report; null without one (then no finding has a baseline state).</summary>
    public BaselineComparison? Baseline { get; init; }

    /// <summary>Every finding, suppressed ones included (marked by <see cref="Finding.Suppression"/>).</summary>
    public ImmutableArray<Finding> Findings => Evaluation.Findings;

    /// <summary>Findings a suppression covers; they are still in <see cref="Findings"/>.</summary>
    public int SuppressedFindings => Findings.Count(f => f.Suppression is not null);

    /// <summary>Findings at or above <see cref="FailOn"/> that no suppression covers; with a baseline, only the new ones.</summary>
    public int GateFindings => FailOn is { } threshold
        ? Findings.Count(f => f.Suppression is null && f.Severity >= threshold && f.Baseline != BaselineState.Unchanged)
        : 0;

    /// <summary>True when some account, region or rule could not be assessed.</summary>
    public bool IsPartial => !Inventory.NotAssessed.IsEmpty || !Evaluation.Gaps.IsEmpty;
}
