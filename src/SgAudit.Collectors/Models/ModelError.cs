using System.Text.Json.Serialization;

namespace SgAudit.Collectors.Models;

/// <summary>An EC2 error the emulator returns instead of data (e.g. UnauthorizedOperation).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ModelError
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
