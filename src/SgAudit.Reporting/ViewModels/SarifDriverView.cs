using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>SARIF tool.driver: the same in every run, with every rule that ran.</summary>
public sealed record SarifDriverView(string Name, string Version, string SemanticVersion, string InformationUri, ImmutableArray<SarifRuleView> Rules);
