using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>A SARIF reportingDescriptor, shaped for GitHub code scanning.</summary>
public sealed record SarifRuleView
{
    public required string Id { get; init; }

    /// <summary>PascalCase of the slug.</summary>
    public required string Name { get; init; }

    /// <summary>The title, at most 1,024 characters.</summary>
    public required string ShortDescription { get; init; }

    /// <summary>The description, at most 1,024 characters.</summary>
    public required string FullDescription { get; init; }

    /// <summary>Guidance and remediation as plain text.</summary>
    public required string HelpText { get; init; }

    /// <summary>Guidance, remediation and reference links as Markdown (GitHub shows this one).</summary>
    public required string HelpMarkdown { get; init; }

    /// <summary>The first reference, or null.</summary>
    public string? HelpUri { get; init; }

    /// <summary>"error" (critical, high), "warning" (medium) or "note" (low, info).</summary>
    public required string Level { get; init; }

    /// <summary>At most 10 distinct tags, "security" first.</summary>
    public required ImmutableArray<string> Tags { get; init; }

    public required string Precision { get; init; }

    /// <summary>A number as a string: "9.5", "8.0", "5.5", "2.0" or "0.5".</summary>
    public required string SecuritySeverity { get; init; }
}
