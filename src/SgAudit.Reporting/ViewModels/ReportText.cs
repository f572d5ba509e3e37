using System.Globalization;
using System.Text;

namespace SgAudit.Reporting.ViewModels;

/// <summary>Invariant text forms shared by every report.</summary>
internal static class ReportText
{
    /// <summary>ISO 8601 in UTC with only the fractional digits needed: "2026-01-02T03:04:05Z", "…05.25Z".</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Duration(DateTimeOffset start, DateTimeOffset end) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (end - start).TotalSeconds):0.0} s");

    /// <summary>"admin-ports-open-ipv4" → "AdminPortsOpenIpv4".</summary>
    public static string PascalCase(string slug)
    {
        var builder = new StringBuilder(slug.Length);
        foreach (var part in slug.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> characters, ending in "…" when cut, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
