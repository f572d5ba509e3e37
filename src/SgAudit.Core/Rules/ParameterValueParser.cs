using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>Turns a JSON value (from rule.json, a variant or a config file) into a typed parameter value, or says why not.</summary>
public static class ParameterValueParser
{
    public static bool TryParse(RuleParameterDefinition definition, JsonNode? node, out object value, out string error) =>
        TryParse(definition.Type, definition.Allowed, definition.Minimum, definition.Maximum, node, out value, out error);

    internal static bool TryParse(ParameterType type, ImmutableArray<string> allowed, int? minimum, int? maximum, JsonNode? node, out object value, out string error)
    {
        value = null!;
        error = "";
        switch (type)
        {
            case ParameterType.Integer:
                if (!TryInteger(node, out var number))
                {
                    error = $"expected a whole number, got {Show(node)}";
                    return false;
                }

                if ((minimum is { } min && number < min) || (maximum is { } max && number > max))
                {
                    error = $"{number} is outside {minimum?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{maximum?.ToString(CultureInfo.InvariantCulture) ?? "…"}";
                    return false;
                }

                value = number;
                return true;

            case ParameterType.Boolean:
                if (node is JsonValue v && v.TryGetValue<bool>(out var flag))
                {
                    value = flag;
                    return true;
                }

                error = $"expected true or false, got {Show(node)}";
                return false;

            case ParameterType.Choice:
                if (node is JsonValue c && c.TryGetValue<string>(out var choice) && allowed.Contains(choice))
                {
                    value = choice;
                    return true;
                }

                error = $"expected one of {string.Join(", ", allowed)}, got {Show(node)}";
                return false;

            case ParameterType.PortList:
                return TryPortList(node, out value, out error);

            case ParameterType.ChoiceList:
                return TryChoiceList(allowed, node, out value, out error);

            case ParameterType.StringList:
                return TryStringList(node, "strings", static _ => null, out value, out error);

            case ParameterType.TagSelectorList:
                return TryStringList(node, "tag selectors (\"key\" or \"key=value\")", TagSelectorProblem, out value, out error);

            default:
                error = $"unsupported parameter type {type}";
                return false;
        }
    }

    // Items are ports (443) or inclusive ranges ("1020-1025", the syntax of AWS Config's authorized-ports
    // parameters); a number given as a string ("443") is a port too. No two items may share a port.
    private static bool TryPortList(JsonNode? node, out object value, out string error)
    {
        value = null!;
        error = "";
        if (node is not JsonArray array)
        {
            error = $"expected a list of ports and \"from-to\" ranges, got {Show(node)}";
            return false;
        }

        var items = new List<(PortRange Range, int Index)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (!TryPortItem(array[i], out var range))
            {
                error = $"item {i}: expected a port 0–65535 or a range \"from-to\" with from <= to, got {Show(array[i])}";
                return false;
            }

            foreach (var (other, index) in items)
            {
                if (range.From <= other.To && other.From <= range.To)
                {
                    error = range.From == range.To && other.From == other.To
                        ? $"item {i}: port {range.From} is listed twice"
                        : $"item {i}: {range} overlaps item {index} ({other})";
                    return false;
                }
            }

            items.Add((range, i));
        }

        value = PortSet.Of(items.Select(item => item.Range));
        return true;
    }

    private static bool TryPortItem(JsonNode? node, out PortRange range)
    {
        range = default;
        if (TryInteger(node, out var port))
        {
            return TryRange(port, port, out range);
        }

        if (node is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? TryPortNumber(text, out var single) && TryRange(single, single, out range)
            : TryPortNumber(text[..dash], out var from) && TryPortNumber(text[(dash + 1)..], out var to) && TryRange(from, to, out range);
    }

    private static bool TryPortNumber(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && text.Length <= 5;

    private static bool TryRange(int from, int to, out PortRange range)
    {
        range = default;
        if (from is < 0 or > PortRange.MaxPort || to is < 0 or > PortRange.MaxPort || from > to)
        {
            return false;
        }

        range = new PortRange(from, to);
        return true;
    }

    private static bool TryChoiceList(ImmutableArray<string> allowed, JsonNode? node, out object value, out string error)
    {
        value = null!;
        error = "";
        if (node is not JsonArray array || array.Count == 0)
        {
            error = $"expected a non-empty list of {string.Join(", ", allowed)}, got {Show(node)}";
            return false;
        }

        var items = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue v || !v.TryGetValue<string>(out var item) || !allowed.Contains(item))
            {
                error = $"item {i}: expected one of {string.Join(", ", allowed)}, got {Show(array[i])}";
                return false;
            }

            if (items.Contains(item))
            {
                error = $"item {i}: '{item}' is listed twice";
                return false;
            }

            items.Add(item);
        }

        value = items.ToImmutableArray();
        return true;
    }

    private static bool TryStringList(JsonNode? node, string what, Func<string, string?> problemOf, out object value, out string error)
    {
        value = null!;
        error = "";
        if (node is not JsonArray array)
        {
            error = $"expected a list of {what}, got {Show(node)}";
            return false;
        }

        var items = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue v || !v.TryGetValue<string>(out var item) || item.Length == 0)
            {
                error = $"item {i}: expected a non-empty string, got {Show(array[i])}";
                return false;
            }

            if (problemOf(item) is { } problem)
            {
                error = $"item {i}: {problem}";
                return false;
            }

            if (items.Contains(item, StringComparer.Ordinal))
            {
                error = $"item {i}: '{item}' is listed twice";
                return false;
            }

            items.Add(item);
        }

        value = items.ToImmutableArray();
        return true;
    }

    // AWS tag keys are 1–128 characters and values at most 256; the key ends at the first '='.
    private static string? TagSelectorProblem(string selector)
    {
        var equals = selector.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? selector : selector[..equals];
        var tagValue = equals < 0 ? "" : selector[(equals + 1)..];
        return key.Length switch
        {
            0 => $"'{selector}' has no tag key before '='",
            > 128 => "a tag key is at most 128 characters",
            _ => tagValue.Length > 256 ? "a tag value is at most 256 characters" : null,
        };
    }

    private static bool TryInteger(JsonNode? node, out int number)
    {
        number = 0;
        return node is JsonValue v && (v.TryGetValue(out number) || (v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue && (number = (int)l) == l));
    }

    private static string Show(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
