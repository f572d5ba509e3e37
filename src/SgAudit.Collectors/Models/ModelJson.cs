using System.Text.Json;

namespace SgAudit.Collectors.Models;

/// <summary>How model files and AWS CLI exports are read: AWS's PascalCase or camelCase keys, numbers possibly quoted.</summary>
internal static class ModelJson
{
    public static JsonSerializerOptions Options => ModelJsonContext.Default.Options;
}
