using System.Text.Json;
using System.Text.Json.Serialization;

namespace SgAudit.Collectors.Models;

/// <summary>How model files and AWS CLI exports are read: AWS's PascalCase or camelCase keys, numbers possibly quoted.</summary>
internal static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        Converters = { new LenientStringConverter() },
    };
}
