using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Whether one resource passed or failed one rule.</summary>
public sealed record ResourceOutcome(string RuleId, string AccountId, string Region, ResourceKind Kind, string ResourceId, bool Passed);
