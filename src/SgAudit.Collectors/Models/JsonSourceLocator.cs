using System.Text.Json;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Finds the line of a JSON path by re-reading the file only when an error needs it, so large models pay nothing
/// on the happy path.
/// </summary>
public sealed class JsonSourceLocator(byte[] utf8) : ISourceLocator
{
    public string Describe(string jsonPath)
    {
        var line = FindLine(jsonPath);
        return line is null ? jsonPath : $"line {line}, {jsonPath}";
    }

    private int? FindLine(string jsonPath)
    {
        var target = JsonPath.Parse(jsonPath);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<object>();
        var indexes = new Stack<int>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        PopContainer(stack, indexes);
                        continue;
                    default:
                        break;
                }

                // A value starts: compute its path.
                if (pendingProperty is not null)
                {
                    stack.Add(pendingProperty);
                    pendingProperty = null;
                }
                else if (indexes.Count > 0 && stack.Count > 0 && stack[^1] is ArrayMarker)
                {
                    var next = indexes.Pop() + 1;
                    indexes.Push(next);
                    stack.Add(next);
                }

                if (Matches(stack, target))
                {
                    return LineOf(reader.TokenStartIndex);
                }

                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    stack.Add(ObjectMarker.Instance);
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    stack.Add(ArrayMarker.Instance);
                    indexes.Push(-1);
                }
                else
                {
                    PopValue(stack);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static void PopContainer(List<object> stack, Stack<int> indexes)
    {
        if (stack.Count > 0 && stack[^1] is ArrayMarker)
        {
            indexes.Pop();
        }

        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1); // the marker
        }

        PopValue(stack);
    }

    private static void PopValue(List<object> stack)
    {
        if (stack.Count > 0 && stack[^1] is string or int)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static bool Matches(List<object> stack, List<object> target)
    {
        var path = stack.Where(p => p is string or int).ToList();
        if (path.Count != target.Count)
        {
            return false;
        }

        for (var i = 0; i < path.Count; i++)
        {
            var equal = (path[i], target[i]) switch
            {
                (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
                (int a, int b) => a == b,
                _ => false,
            };
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }

    private int LineOf(long offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private sealed class ObjectMarker
    {
        public static readonly ObjectMarker Instance = new();
    }

    private sealed class ArrayMarker
    {
        public static readonly ArrayMarker Instance = new();
    }
}
