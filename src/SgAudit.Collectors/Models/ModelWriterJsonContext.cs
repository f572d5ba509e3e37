using System.Text.Json.Serialization;

namespace SgAudit.Collectors.Models;

/// <summary>Source-generated metadata for writing model files (snapshots): AWS CLI member names, nulls left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelWriterJsonContext : JsonSerializerContext;
