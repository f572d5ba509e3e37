using System.Globalization;
using System.Text.Json;
using SgAudit.Core;

namespace SgAudit.Reporting.ReportJson;

/// <summary>
/// Strict access to one member of a parsed report.json: a member that is missing or of the wrong type is an
/// <see cref="InputException"/> naming the file and the member's JSON path, never a default.
/// </summary>
internal readonly record struct JsonMember(string File, string Path, JsonElement Element)
{
    public JsonMember Required(string name)
    {
        var path = Child(name);
        if (Element.ValueKind != JsonValueKind.Object || !Element.TryGetProperty(name, out var value))
        {
            throw Problem(path, "missing");
        }

        return new JsonMember(File, path, value);
    }

    /// <summary>The member, or null when it is absent (a JSON null is returned as a member holding null).</summary>
    public JsonMember? Optional(string name) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) ? new JsonMember(File, Child(name), value) : null;

    public JsonMember RequireObject() =>
        Element.ValueKind == JsonValueKind.Object ? this : throw Problem(Path, $"expected an object, found {Describe(Element)}");

    public IEnumerable<JsonMember> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Problem(Path, $"expected an array, found {Describe(Element)}");
        }

        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new JsonMember(File, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index++}]"), item);
        }
    }

    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Problem(Path, $"expected a string, found {Describe(Element)}");
        }

        return Element.GetString()!;
    }

    public string NonEmptyString()
    {
        var text = String();
        return text.Length > 0 ? text : throw Problem(Path, "is empty");
    }

    public string? NullableString() => Element.ValueKind == JsonValueKind.Null ? null : String();

    public int NonNegativeInt() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) && value >= 0
            ? value
            : throw Problem(Path, $"expected a whole number of 0 or more, found {Describe(Element)}");

    public int? NullableInt() =>
        Element.ValueKind == JsonValueKind.Null ? null
        : Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) ? value
        : throw Problem(Path, $"expected a whole number or null, found {Describe(Element)}");

    public InputException Problem(string problem) => Problem(Path, problem);

    private InputException Problem(string path, string problem) => new(File, path, problem);

    private string Child(string name) => $"{Path}.{name}";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
