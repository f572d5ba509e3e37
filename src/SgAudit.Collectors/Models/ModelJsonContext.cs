using System.Text.Json.Serialization;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Source-generated metadata for YAML model files, read leniently: an unquoted account id or tag value arrives as a
/// YAML number or boolean and is read back as its exact text.
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
