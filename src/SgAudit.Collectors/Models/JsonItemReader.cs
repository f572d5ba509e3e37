using System.Text.Json;

namespace SgAudit.Collectors.Models;

/// <summary>Reads one list item of a JSON model; the reader is on the item's StartObject and ends on its EndObject.</summary>
internal delegate T JsonItemReader<out T>(ref Utf8JsonReader reader);
