using System.Text.Json.Serialization;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Source-generated metadata for model files and CLI exports: reading a 100,000-group model is dominated by
/// deserialisation, and generated metadata avoids reflection on that hot path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowDuplicateProperties = false,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(ModelDocument))]
[JsonSerializable(typeof(SecurityGroupShape))]
[JsonSerializable(typeof(NetworkInterfaceShape))]
[JsonSerializable(typeof(NetworkAclShape))]
[JsonSerializable(typeof(VpcShape))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
