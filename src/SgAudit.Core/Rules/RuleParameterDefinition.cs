using System.Collections.Immutable;

namespace SgAudit.Core.Rules;

/// <summary>A parameter a rule declares in its rule.json, with its type and default.</summary>
public sealed record RuleParameterDefinition(string Name, ParameterType Type, object Default, string Description)
{
    public ImmutableArray<string> Allowed { get; init; } = [];
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
}
