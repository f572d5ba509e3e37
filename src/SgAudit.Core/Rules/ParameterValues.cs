using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules;

/// <summary>Equality and text for typed parameter values (lists compare by content; port lists by the ports they hold).</summary>
public static class ParameterValues
{
    public static bool AreEqual(object a, object b) => (a, b) switch
    {
        (ImmutableArray<string> x, ImmutableArray<string> y) => x.Order(StringComparer.Ordinal).SequenceEqual(y.Order(StringComparer.Ordinal)),
        _ => Equals(a, b),
    };

    public static string ToText(object value) => value switch
    {
        PortSet { IsEmpty: true } or ImmutableArray<string> { IsEmpty: true } => "[]",
        PortSet ports => ports.ToString(),
        ImmutableArray<string> items => string.Join(", ", items),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
