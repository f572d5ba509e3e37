using System.Collections.Immutable;

namespace SgAudit.Core.Rules;

/// <summary>
/// A parameter of an evaluator family: its type and limits, and the default a custom rule gets when it does not set
/// it. No default means a custom rule must set it (e.g. the ports of a port rule).
/// </summary>
public sealed record FamilyParameter(string Name, ParameterType Type, string Description, object? Default)
{
    public ImmutableArray<string> Allowed { get; init; } = [];
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }

    public bool Required => Default is null;

    /// <summary>This parameter as one rule declares it, with that rule's default.</summary>
    public RuleParameterDefinition ForRule(object value) =>
        new(Name, Type, value, Description) { Allowed = Allowed, Minimum = Minimum, Maximum = Maximum };

    /// <summary>True when a rule's declaration has this parameter's type and limits (its default and text may differ).</summary>
    public bool Accepts(RuleParameterDefinition declared) =>
        declared.Name == Name && declared.Type == Type && declared.Minimum == Minimum && declared.Maximum == Maximum
        && declared.Allowed.SequenceEqual(Allowed, StringComparer.Ordinal);
}
