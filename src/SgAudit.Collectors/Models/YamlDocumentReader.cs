using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Reads YAML into a JSON tree (YAML 1.2 core schema: unquoted true/false/null/numbers are typed, quoted text stays
/// text) and remembers the YAML nodes so an error's JSON path can be turned back into a line number.
/// </summary>
public sealed partial class YamlDocumentReader : ISourceLocator
{
    private readonly YamlNode? _root;

    private YamlDocumentReader(YamlNode? root) => _root = root;

    public static (JsonNode? Json, YamlDocumentReader Locator) Read(string file, TextReader text)
    {
        var content = text.ReadToEnd();
        var textLines = content.Length == 0 ? 1 : content.Count(c => c == '\n') + (content.EndsWith('\n') ? 0 : 1);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException ex)
        {
            throw new Core.InputException(file, Position(ex.Start, textLines), Clean(ex.Message), ex);
        }

        if (stream.Documents.Count > 1)
        {
            throw new Core.InputException(file, $"line {stream.Documents[1].RootNode.Start.Line}", "a model file holds one YAML document");
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return (root is null ? null : Convert(file, root), new YamlDocumentReader(root));
    }

    /// <summary>The line of the node at <paramref name="jsonPath"/>; for a mapping entry, the line of its key.</summary>
    public string Describe(string jsonPath) => Line(jsonPath) is { } line ? $"line {line}, {jsonPath}" : jsonPath;

    /// <summary>The 1-based line of the node at <paramref name="jsonPath"/> (of its key, for a mapping entry), or of its nearest ancestor.</summary>
    public long? Line(string jsonPath)
    {
        var node = _root;
        var line = node?.Start.Line;
        foreach (var part in JsonPath.Parse(jsonPath))
        {
            if (part is string key && node is YamlMappingNode mapping)
            {
                var entry = mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.OrdinalIgnoreCase));
                if (entry.Key is null)
                {
                    break;
                }

                (node, line) = (entry.Value, entry.Key.Start.Line);
            }
            else if (part is int index && node is YamlSequenceNode sequence && index < sequence.Children.Count)
            {
                node = sequence.Children[index];
                line = node.Start.Line;
            }
            else
            {
                break;
            }
        }

        return line;
    }

    private static JsonNode? Convert(string file, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                // Keys match case-insensitively later, so "SecurityGroups" and "securitygroups" are the same key here.
                var obj = new JsonObject(new JsonNodeOptions { PropertyNameCaseInsensitive = true });
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new Core.InputException(file, $"line {key.Start.Line}", "mapping keys must be plain text");
                    }

                    if (obj.ContainsKey(name))
                    {
                        throw new Core.InputException(file, $"line {key.Start.Line}", $"key '{name}' appears twice");
                    }

                    obj[name] = Convert(file, value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var child in sequence.Children)
                {
                    array.Add(Convert(file, child));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw new Core.InputException(file, $"line {node.Start.Line}", "unsupported YAML node");
        }
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            default:
                break;
        }

        // Numbers keep their exact text (JsonNode.Parse), so an account id read as a number converts back unchanged;
        // text that is not a JSON number (e.g. with a leading zero) stays text.
        if (JsonNumber().IsMatch(value))
        {
            return JsonNode.Parse(value);
        }

        return JsonValue.Create(value);
    }

    /// <summary>An error at the end of a truncated file is reported on its last line, not one past it.</summary>
    private static string Position(Mark mark, int lines) =>
        mark.Line > lines ? $"line {lines} (end of file)" : $"line {mark.Line}, column {mark.Column}";

    private static string Clean(string message)
    {
        // YamlDotNet prefixes positions we already report.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
