using System.Collections.Immutable;
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

    public ImmutableArray<Finding> Findings => Evaluation.Findings;

    /// <summary>Findings at or above <see cref="FailOn"/>.</summary>
    public int GateFindings => FailOn is { } threshold ? Findings.Count(f => f.Severity >= threshold) : 0;

    /// <summary>True when some account, region or rule could not be assessed.</summary>
    public bool IsPartial => !Inventory.NotAssessed.IsEmpty || !Evaluation.Gaps.IsEmpty;
}
