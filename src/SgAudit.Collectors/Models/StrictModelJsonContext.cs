using System.Text.Json.Serialization;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Source-generated metadata for JSON model files and AWS CLI exports, where numbers are numbers and text is quoted.
/// Reading a 100,000-group model is dominated by deserialisation; without the lenient converter it takes about half
/// the time (docs/performance.md). Keys still match case-insensitively, so a hand-written "ipRanges" is not ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ModelDocument))]
[JsonSerializable(typeof(SecurityGroupShape))]
[JsonSerializable(typeof(NetworkInterfaceShape))]
[JsonSerializable(typeof(NetworkAclShape))]
[JsonSerializable(typeof(VpcShape))]
internal sealed partial class StrictModelJsonContext : JsonSerializerContext;
