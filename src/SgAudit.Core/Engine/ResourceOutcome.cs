using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Whether one resource passed or failed one rule. A struct, stored inline: a large scan has millions.</summary>
public readonly record struct ResourceOutcome(string RuleId, string AccountId, string Region, ResourceKind Kind, string ResourceId, bool Passed);
