using System.Collections.Immutable;
using System.Globalization;

namespace SgAudit.Core.Rules;

/// <summary>Equality and text for typed parameter values (lists compare by content).</summary>
public static class ParameterValues
{
    public static bool AreEqual(object a, object b) => (a, b) switch
    {
        (ImmutableArray<int> x, ImmutableArray<int> y) => x.SequenceEqual(y),
        (ImmutableArray<string> x, ImmutableArray<string> y) => x.Order(StringComparer.Ordinal).SequenceEqual(y.Order(StringComparer.Ordinal)),
        _ => Equals(a, b),
    };

    public static string ToText(object value) => value switch
    {
        ImmutableArray<int> ports => string.Join(", ", ports.Select(p => p.ToString(CultureInfo.InvariantCulture))),
        ImmutableArray<string> items => string.Join(", ", items),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
