using System.Text.Json.Serialization;

namespace SgAudit.Collectors.Models;

/// <summary>A model file: accounts → regions → resources in AWS's own shapes (docs/model.md).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ModelDocument
{
    /// <summary>The model format version; 1 today.</summary>
    public int Version { get; set; } = 1;

    public List<ModelAccount> Accounts { get; set; } = [];
}
