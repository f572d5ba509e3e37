using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgAudit.Tests.Live;

/// <summary>The findings of a report.json, as comparable text, in the report's own order.</summary>
internal static class LiveFindings
{
    public static List<string> Read(string reportJson, bool withAttribution)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(reportJson));
        return [.. report.RootElement.GetProperty("findings").EnumerateArray().Select(f =>
        {
            var finding = JsonNode.Parse(f.GetRawText())!.AsObject();
            if (!withAttribution)
            {
                finding.Remove("lastChange");
            }

            return finding.ToJsonString();
        })];
    }

    /// <summary>The first finding that differs, whole: an assertion on the lists alone cuts the findings to 40 characters.</summary>
    /// <param name="expected">The reference run's findings.</param>
    /// <param name="actual">The findings compared with them.</param>
    public static string FirstDifference(List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i] != actual[i])
            {
                return $"finding {i} differs:\nexpected {expected[i]}\nactual   {actual[i]}";
            }
        }

        return expected.Count == actual.Count ? "the findings are the same" : $"{expected.Count} findings expected, {actual.Count} found";
    }
}
