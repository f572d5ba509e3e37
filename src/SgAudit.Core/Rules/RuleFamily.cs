using System.Collections.Immutable;

namespace SgAudit.Core.Rules;

/// <summary>
/// An evaluator family as data (rules/families/&lt;family&gt;.json): what it checks, its message and the parameters it
/// takes. Built-in rules and custom rules from the config file are both instances of a family.
/// </summary>
public sealed record RuleFamily(string Name, ResourceKind ResourceKind, string Description, string Message)
{
    public ImmutableArray<FamilyParameter> Parameters { get; init; } = [];

    public FamilyParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}
