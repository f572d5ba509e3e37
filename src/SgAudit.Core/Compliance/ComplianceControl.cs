using System.Collections.Immutable;

namespace SgAudit.Core.Compliance;

/// <summary>One control of a framework version and the rules that evidence it.</summary>
public sealed record ComplianceControl(string Id, string Title, ImmutableArray<string> RuleIds)
{
    public string? Notes { get; init; }
}
