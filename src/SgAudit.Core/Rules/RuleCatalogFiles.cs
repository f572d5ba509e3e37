using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SgAudit.Core.Rules;

// The on-disk shapes of rule.json and compliance files. Unknown members are rejected when they load.
internal sealed class RuleFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public required string Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Severity { get; set; }
    public required string ResourceType { get; set; }
    public required string Implementation { get; set; }
    public required string Description { get; set; }
    public required string Risk { get; set; }
    public required string Message { get; set; }
    public required RemediationFile Remediation { get; set; }
    public List<string> References { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public Dictionary<string, ParameterFile> Parameters { get; set; } = [];
    public Dictionary<string, VariantFile> Variants { get; set; } = [];
    public string? DefaultVariant { get; set; }
}

internal sealed class RemediationFile
{
    public required string Text { get; set; }
    public string? Cli { get; set; }
    public string? Terraform { get; set; }
}

internal sealed class ParameterFile
{
    public required string Type { get; set; }
    public required JsonNode Default { get; set; }
    public required string Description { get; set; }
    public List<string> Allowed { get; set; } = [];
    public int? Minimum { get; set; }
    public int? Maximum { get; set; }
}

internal sealed class VariantFile
{
    public required string Description { get; set; }
    public Dictionary<string, JsonNode> Parameters { get; set; } = [];
}

internal sealed class FrameworkFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Version { get; set; }
    public required string ShortName { get; set; }
    public string? Source { get; set; }
    public required List<ControlFile> Controls { get; set; }
}

internal sealed class ControlFile
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required List<string> RuleIds { get; set; }
    public string? Notes { get; set; }
}

internal sealed class FamilyFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public required string Family { get; set; }
    public required string ResourceType { get; set; }
    public required string Description { get; set; }
    public required string Message { get; set; }
    public Dictionary<string, FamilyParameterFile> Parameters { get; set; } = [];
}

internal sealed class FamilyParameterFile
{
    public required string Type { get; set; }
    public JsonNode? Default { get; set; }
    public bool Required { get; set; }
    public required string Description { get; set; }
    public List<string> Allowed { get; set; } = [];
    public int? Minimum { get; set; }
    public int? Maximum { get; set; }
}
