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
}
