using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>Reads and validates a model file, YAML or JSON.</summary>
public static class ModelFileReader
{
    public static ModelDocument ReadFile(string path) => ReadFileWithOrigin(path).Document;

    internal static (ModelDocument Document, IModelOrigin Origin) ReadFileWithOrigin(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, $"cannot read the file: {ex.Message}", ex);
        }

        return ReadWithOrigin(path, bytes);
    }

    /// <summary>Reads a model from bytes; <paramref name="file"/> names it in errors. JSON is recognised by its first character.</summary>
    public static ModelDocument Read(string file, byte[] bytes) => ReadWithOrigin(file, bytes).Document;

    internal static (ModelDocument Document, IModelOrigin Origin) ReadWithOrigin(string file, byte[] bytes)
    {
        // Sniff on bytes: decoding a large JSON model to a string just to look at its first character would double its cost.
        var start = StartOfJson(bytes);
        var first = start;
        while (first < bytes.Length && bytes[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            first++;
        }

        if (first == bytes.Length)
        {
            throw new InputException(file, null, "the file is empty");
        }

        var isJson = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && bytes[first] == (byte)'{');
        return isJson ? ReadJson(file, bytes) : ReadYaml(file, Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
    }

    private static (ModelDocument, IModelOrigin) ReadJson(string file, byte[] bytes)
    {
        var locator = new JsonSourceLocator(bytes);
        // The fast reader handles the usual file; anything unusual goes through System.Text.Json, whose model or error
        // message is the reference (FastModelJsonReader).
        var json = bytes.AsMemory(StartOfJson(bytes));
        ModelDocument? document;
        try
        {
            document = FastModelJsonReader.TryRead(json) ?? JsonSerializer.Deserialize(json.Span, StrictModelJsonContext.Default.ModelDocument);
        }
        catch (JsonException ex)
        {
            var place = ex.LineNumber is { } line ? $"line {line + 1}, {ex.Path ?? "$"}" : ex.Path ?? "$";
            throw new InputException(file, place, Explain(ex), ex);
        }

        if (document is null)
        {
            throw new InputException(file, "$", "expected an object with 'accounts'");
        }

        ModelValidator.Validate(document, file, locator);
        return (document, new DocumentOrigin(document, file, locator));
    }

    private static (ModelDocument, IModelOrigin) ReadYaml(string file, string text)
    {
        var (json, locator) = YamlDocumentReader.Read(file, new StringReader(text));
        if (json is not JsonObject)
        {
            throw new InputException(file, "line 1", "expected a mapping with 'accounts'");
        }

        ModelDocument? document;
        try
        {
            document = json.Deserialize(ModelJsonContext.Default.ModelDocument);
        }
        catch (JsonException ex)
        {
            throw new InputException(file, locator.Describe(ex.Path ?? "$"), Explain(ex), ex);
        }

        ModelValidator.Validate(document!, file, locator);
        return (document!, new DocumentOrigin(document!, file, locator));
    }

    private static int StartOfJson(byte[] bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

    /// <summary>System.Text.Json's messages name CLR types; say what was wrong in the input's terms.</summary>
    internal static string Explain(JsonException ex)
    {
        var message = ex.Message;
        if (ex.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            return "the text is not valid Unicode (a lone UTF-16 surrogate escape such as \\ud800)";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            return end > start ? $"unknown key '{message[(start + 1)..end]}'" : "unknown key";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var target = message.Contains("System.Int32", StringComparison.Ordinal) ? "a whole number"
                : message.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
                : message.Contains("List", StringComparison.Ordinal) ? "a list"
                : message.Contains("System.String", StringComparison.Ordinal) ? "text"
                : message.Contains("System.DateTimeOffset", StringComparison.Ordinal) ? "an ISO 8601 time such as 2026-11-02T14:05:00Z"
                : "a different kind of value";
            return $"the value has the wrong type: expected {target}";
        }

        // Syntax errors: keep the reader's explanation, without its own position suffix.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.') : message.TrimEnd('.');
    }
}
