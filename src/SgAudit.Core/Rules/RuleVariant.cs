using System.Collections.Immutable;

namespace SgAudit.Core.Rules;

/// <summary>A named reading of a rule (e.g. "ipv4-only"): a set of parameter values, chosen in config with <c>variant:</c>.</summary>
public sealed record RuleVariant(string Name, string Description, ImmutableDictionary<string, object> Parameters);
