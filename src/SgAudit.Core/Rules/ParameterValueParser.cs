using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

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

            default:
                error = $"unsupported parameter type {type}";
                return false;
        }
    }

    private static bool TryPortList(JsonNode? node, out object value, out string error)
    {
        value = null!;
        error = "";
        if (node is not JsonArray array)
        {
            error = $"expected a list of ports, got {Show(node)}";
            return false;
        }

        var ports = new SortedSet<int>();
        for (var i = 0; i < array.Count; i++)
        {
            if (!TryInteger(array[i], out var port) || port is < 0 or > 65535)
            {
                error = $"item {i}: expected a port 0–65535, got {Show(array[i])}";
                return false;
            }

            if (!ports.Add(port))
            {
                error = $"item {i}: port {port} is listed twice";
                return false;
            }
        }

        value = ports.ToImmutableArray();
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

    private static bool TryInteger(JsonNode? node, out int number)
    {
        number = 0;
        return node is JsonValue v && (v.TryGetValue(out number) || (v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue && (number = (int)l) == l));
    }

    private static string Show(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
