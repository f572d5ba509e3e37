using System.Collections.Immutable;

namespace SgAudit.Core.Compliance;

/// <summary>A framework control's status, the number of distinct failing resources and why, when not assessed.</summary>
public sealed record ControlResult(ComplianceFramework Framework, ComplianceControl Control, ComplianceStatus Status, int FailingResources)
{
    public string Label => Framework.Label(Control);
    public ImmutableArray<string> RuleIds => Control.RuleIds;
    public string? Reason { get; init; }
}
