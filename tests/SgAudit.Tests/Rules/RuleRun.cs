using System.Collections.Immutable;

namespace SgAudit.Tests.Rules;

/// <summary>One rule's verdicts on a fixture, by fixture name: every name in the fixture, the failing and the passing ones.</summary>
public sealed record RuleRun(string RuleId, ImmutableArray<string> AllNames, ImmutableArray<string> Failing, ImmutableArray<string> Passing)
{
    /// <summary>The fixture's names that start with <paramref name="prefix"/> (pass-, fail-, na-).</summary>
    public ImmutableArray<string> NamesStartingWith(string prefix) =>
        [.. AllNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))];
}
