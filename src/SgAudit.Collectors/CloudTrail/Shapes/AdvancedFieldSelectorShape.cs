using System.Text.Json.Serialization;

namespace SgAudit.Collectors.CloudTrail.Shapes;

/// <summary>One condition of an advanced event selector.</summary>
public sealed class AdvancedFieldSelectorShape
{
    public string? Field { get; set; }
    /// <summary>CloudTrail's `Equals` condition (renamed here: `Equals` would hide object.Equals).</summary>
    [JsonPropertyName("Equals")]
    public List<string>? EqualTo { get; set; }
    public List<string>? NotEquals { get; set; }
    public List<string>? StartsWith { get; set; }
    public List<string>? NotStartsWith { get; set; }
    public List<string>? EndsWith { get; set; }
    public List<string>? NotEndsWith { get; set; }
}
