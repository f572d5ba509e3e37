using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SgAudit.Core.Rules;

/// <summary>What a config file says about one rule: enabled or not, a variant, parameter values.</summary>
public sealed record RuleSettings
{
    public bool? Enabled { get; init; }
    public string? Variant { get; init; }
    public ImmutableDictionary<string, JsonNode?> Parameters { get; init; } = ImmutableDictionary<string, JsonNode?>.Empty;
}
