using System.Collections.Immutable;
using SgAudit.Core.Baselines;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

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

    /// <summary>The comparison with the --baseline report; null without one (then no finding has a baseline state).</summary>
    public BaselineComparison? Baseline { get; init; }

    public ImmutableArray<Finding> Findings => Evaluation.Findings;

    /// <summary>Findings at or above <see cref="FailOn"/>; with a baseline, only the new ones.</summary>
    public int GateFindings => FailOn is { } threshold ? Findings.Count(f => f.Severity >= threshold && f.Baseline != BaselineState.Unchanged) : 0;

    /// <summary>True when some account, region or rule could not be assessed.</summary>
    public bool IsPartial => !Inventory.NotAssessed.IsEmpty || !Evaluation.Gaps.IsEmpty;
}
