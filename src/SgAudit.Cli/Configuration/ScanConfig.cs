using System.Collections.Immutable;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Core.Suppressions;

namespace SgAudit.Cli.Configuration;

/// <summary>A loaded sgaudit.yaml: the catalogue with its custom rules, the effective rules and an optional fail-on threshold (the CLI flag wins).</summary>
public sealed record ScanConfig(RuleCatalog Catalog, ImmutableArray<ResolvedRule> Rules)
{
    /// <summary>The threshold from the file: a severity, or <c>none</c> (null with <see cref="FailOnSet"/> true).</summary>
    public Severity? FailOn { get; init; }

    public bool FailOnSet { get; init; }

    public string? File { get; init; }

    /// <summary>The <c>suppressions:</c> list, in file order.</summary>
    public ImmutableArray<Suppression> Suppressions { get; init; } = [];
}
