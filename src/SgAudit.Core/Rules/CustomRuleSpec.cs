using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SgAudit.Core.Rules;

/// <summary>A rule a team declares in its config file: a built-in family with its own id, text, severity and parameters.</summary>
public sealed record CustomRuleSpec(string Id, string Family, string Title, string Severity, string Remediation)
{
    public string? Description { get; init; }
    public string? Risk { get; init; }
    public string? Message { get; init; }
    public string? RemediationCli { get; init; }
    public ImmutableArray<string> References { get; init; } = [];
    public ImmutableDictionary<string, JsonNode?> Parameters { get; init; } = ImmutableDictionary<string, JsonNode?>.Empty;
}
