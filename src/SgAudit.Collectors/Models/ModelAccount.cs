using System.Text.Json.Serialization;

namespace SgAudit.Collectors.Models;

/// <summary>One account of a model: its id, an optional friendly name, its regions, and optionally an error every call returns.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ModelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>Makes every call for this account fail with this error (to rehearse an account SgAudit cannot read).</summary>
    public ModelError? Error { get; set; }

    public List<ModelRegion> Regions { get; set; } = [];
}
