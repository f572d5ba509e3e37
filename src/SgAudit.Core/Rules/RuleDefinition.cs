using System.Collections.Immutable;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>A rule's metadata, loaded from <c>rules/&lt;ID&gt;/rule.json</c> and its guidance.md, or declared as a custom rule in the config file.</summary>
public sealed record RuleDefinition(string Id, string Slug, string Title, Severity Severity, ResourceKind ResourceKind, string Implementation)
{
    public string Description { get; init; } = "";
    public string Risk { get; init; } = "";

    /// <summary>The finding message, with placeholders {resource}, {resourceId}, {resourceName}, {permission}, {source}, {detail}.</summary>
    public string Message { get; init; } = "";

    public RuleRemediation Remediation { get; init; } = new("");
    public ImmutableArray<string> References { get; init; } = [];
    public ImmutableArray<string> Tags { get; init; } = [];
    public ImmutableArray<RuleParameterDefinition> Parameters { get; init; } = [];
    public ImmutableArray<RuleVariant> Variants { get; init; } = [];
    public string? DefaultVariant { get; init; }

    /// <summary>The guidance page (Markdown) shown as SARIF help and in the HTML report.</summary>
    public string Guidance { get; init; } = "";

    /// <summary>Where a custom rule was declared (the config file); null for a built-in rule.</summary>
    public string? Origin { get; init; }

    public bool IsCustom => Origin is not null;
}
