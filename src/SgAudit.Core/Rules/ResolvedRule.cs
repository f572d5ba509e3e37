using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>A rule as a scan runs it: its definition, effective parameters and variant.</summary>
public sealed record ResolvedRule(RuleDefinition Definition, RuleParameters Parameters)
{
    public string Id => Definition.Id;

    /// <summary>The effective severity: the definition's, or the config file's override.</summary>
    public Severity Severity { get; init; } = Definition.Severity;

    public bool SeverityOverridden => Severity != Definition.Severity;

    /// <summary>The named variant in effect, or null when parameters were set one by one and match no variant.</summary>
    public string? Variant { get; init; }
}
