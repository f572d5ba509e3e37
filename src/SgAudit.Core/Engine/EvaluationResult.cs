using System.Collections.Immutable;
using SgAudit.Core.Compliance;

namespace SgAudit.Core.Engine;

/// <summary>What the rules found: findings in a deterministic order, every resource outcome, each control's status and the gaps.</summary>
public sealed record EvaluationResult(ImmutableArray<Finding> Findings, ResourceOutcomes Outcomes, ImmutableArray<ControlResult> Controls)
{
    /// <summary>Rules that could not be assessed somewhere: missing input parts, or a whole scope that could not be read.</summary>
    public ImmutableArray<RuleGap> Gaps { get; init; } = [];
}
