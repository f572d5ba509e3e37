using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SgAudit.Core.Rules;

/// <summary>What a config file says about one rule: enabled or not, a variant, parameter values, a severity override.</summary>
public sealed record RuleSettings
{
    public bool? Enabled { get; init; }

    /// <summary>Replaces the rule's severity for this scan: its findings, the gate and every report use it.</summary>
    public Model.Severity? Severity { get; init; }

    public string? Variant { get; init; }
    public ImmutableDictionary<string, JsonNode?> Parameters { get; init; } = ImmutableDictionary<string, JsonNode?>.Empty;
}
