namespace SgAudit.Core.Rules;

/// <summary>A rule setting that cannot apply; <see cref="Setting"/> is the path under the rule ("variant", "parameters.threshold").</summary>
public sealed class RuleSettingsException(string ruleId, string setting, string problem) : Exception($"rules.{ruleId}.{setting}: {problem}")
{
    public string RuleId { get; } = ruleId;
    public string Setting { get; } = setting;
    public string Problem { get; } = problem;
}
