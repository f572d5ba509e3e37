using System.Buffers;
using System.Text;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Reporting.Sarif;

/// <summary>
/// Synthetic, repository-relative paths for cloud resources. GitHub rejects a whole upload if one URI has a scheme
/// (an ARN's "arn:" counts), so paths are lowercase ASCII segments without colons, built only from stable ids.
/// </summary>
internal static class SarifArtifactPaths
{
    public static string For(Finding finding) => string.Join('/',
        "aws",
        Segment(finding.AccountId),
        Segment(finding.Region),
        Segment(string.IsNullOrEmpty(finding.VpcId) ? "no-vpc" : finding.VpcId),
        finding.ResourceKind == ResourceKind.NetworkAcl ? "network-acls" : "security-groups",
        Segment(finding.ResourceId));

    /// <summary>"sgaudit/&lt;account&gt;/&lt;region&gt;/": the category GitHub replaces on each upload.</summary>
    public static string RegionCategory(string accountId, string region) => $"sgaudit/{Segment(accountId)}/{Segment(region)}/";

    public static string AccountCategory(string accountId) => $"sgaudit/{Segment(accountId)}/all/";

    public const string AllCategory = "sgaudit/all/";

    private static readonly SearchValues<char> SegmentCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-_");

    /// <summary>Lowercase a-z, 0-9, '.', '-' and '_'; anything else becomes '_', and "", "." or ".." never stand alone.</summary>
    public static string Segment(string value)
    {
        // Ids are nearly always clean already; only a value with another character is rebuilt.
        if (value.Length > 0 && !value.AsSpan().ContainsAnyExcept(SegmentCharacters) && value.Trim('.').Length > 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var lower = char.ToLowerInvariant(c);
            builder.Append(lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' ? lower : '_');
        }

        var segment = builder.ToString();
        return segment.Trim('.').Length == 0 ? segment.Replace('.', '_') + "_" : segment;
    }
}
