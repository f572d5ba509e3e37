using System.Collections.Immutable;
using SgAudit.Core.Engine;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// Applies a scan's suppressions after evaluation: the configured ones, then the tags its resources carry. The
/// findings stay in the result (marked); the gate ignores suppressed ones, and compliance controls, computed from the
/// raw findings, do not change: an accepted exception is still non-compliant for an auditor.
/// </summary>
public static class ScanSuppressions
{
    /// <summary>The result with suppressed findings marked and every suppression's status in <see cref="ScanResult.Suppressions"/>.</summary>
    /// <param name="result">An evaluated scan.</param>
    /// <param name="configured">The config file's suppressions, in file order.</param>
    /// <param name="now">The scan's clock reading, which decides expiry.</param>
    public static ScanResult Apply(ScanResult result, ImmutableArray<Suppression> configured, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ruleIds = result.Catalog.Rules.Select(r => r.Id).Concat(result.Rules.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);
        var tags = TagSuppressions.Collect(result.Inventory, ruleIds);
        var all = configured.IsDefault ? tags.Valid : configured.AddRange(tags.Valid);
        if (all.IsEmpty && tags.Invalid.IsEmpty && result.Suppressions.IsEmpty)
        {
            return result;
        }

        var (findings, results) = SuppressionMatcher.Apply(result.Findings, all, now);
        var invalid = tags.Invalid.Select(i => new SuppressionResult(i.Source, SuppressionStatus.Invalid) { Problem = i.Problem, Value = i.Value });

        // Report order: config file order, then every tag (valid or not) by account, region and resource.
        var configCount = configured.IsDefault ? 0 : configured.Length;
        var tagResults = results.Skip(configCount).Concat(invalid)
            .OrderBy(r => r.Source.AccountId, StringComparer.Ordinal)
            .ThenBy(r => r.Source.Region, StringComparer.Ordinal)
            .ThenBy(r => r.Source.ResourceId, StringComparer.Ordinal);
        return result with
        {
            Evaluation = result.Evaluation with { Findings = findings },
            Suppressions = [.. results.Take(configCount), .. tagResults],
        };
    }
}
