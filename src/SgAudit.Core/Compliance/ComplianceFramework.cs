using System.Collections.Immutable;

namespace SgAudit.Core.Compliance;

/// <summary>A framework at one version (one file under rules/compliance/), since control numbers change between versions.</summary>
public sealed record ComplianceFramework(string Id, string Name, string Version, string ShortName, ImmutableArray<ComplianceControl> Controls)
{
    public string? Source { get; init; }

    /// <summary>"CIS AWS Foundations v3.0.0 5.2": every label names the framework version.</summary>
    public string Label(ComplianceControl control) => $"{ShortName} {control.Id}";
}
