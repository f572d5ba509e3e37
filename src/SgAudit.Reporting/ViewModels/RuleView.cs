using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>A rule that ran: its metadata, effective parameters, mapped controls and its findings.</summary>
public sealed record RuleView
{
    public required string Id { get; init; }
    public required string Slug { get; init; }

    /// <summary>The slug in PascalCase ("AdminPortsOpenIpv4"), as SARIF rule names are spelled.</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }
    /// <summary>The effective severity, after a config file's override.</summary>
    public required string Severity { get; init; }

    /// <summary>The rule's own severity when the config file overrides it; otherwise null.</summary>
    public string? DefaultSeverity { get; init; }

    /// <summary>The config file that declared a custom rule; null for a built-in rule.</summary>
    public string? Origin { get; init; }

    public required string ResourceType { get; init; }
    public required string Description { get; init; }
    public required string Risk { get; init; }
    public required RemediationView Remediation { get; init; }
    public required ImmutableArray<string> References { get; init; }
    public required ImmutableArray<string> Tags { get; init; }

    /// <summary>The named variant in effect, or null.</summary>
    public string? Variant { get; init; }

    public required ImmutableArray<ParameterView> Parameters { get; init; }

    /// <summary>The guidance page (Markdown source).</summary>
    public required string Guidance { get; init; }

    /// <summary>Versioned control labels this rule evidences.</summary>
    public required ImmutableArray<string> Controls { get; init; }

    public required int FindingCount { get; init; }

    /// <summary>This rule's findings in the deterministic finding order.</summary>
    public required ImmutableArray<FindingView> Findings { get; init; }

    /// <summary>Whether the HTML report shows the findings expanded (at most <see cref="ReportViewModelBuilder.OpenGroupLimit"/>).</summary>
    public required bool FindingsOpen { get; init; }
}
