using SgAudit.Core.Engine;
using SgAudit.Core.Model;

namespace SgAudit.Core.Baselines;

/// <summary>
/// What a scan assessed: the account/regions it read, the rules it ran, the scopes it could not read and the rules
/// that could not run somewhere. A rule counts as assessed in a region only when all of that holds; anything else
/// (a region left out of this scan included) is not assessed, so a finding that is gone from it is not "fixed".
/// </summary>
public sealed class ScanCoverage
{
    private readonly HashSet<(string AccountId, string Region)> _regionsRead;
    private readonly HashSet<string> _rulesRun;
    private readonly List<NotAssessedScope> _notAssessed;
    private readonly Dictionary<(string RuleId, string AccountId), List<RuleGap>> _gaps;

    /// <summary>Coverage from its parts, as a scan result or a report.json has them.</summary>
    /// <param name="regionsRead">The account/region pairs the scan read.</param>
    /// <param name="rulesRun">The ids of the rules that ran (disabled rules are not among them).</param>
    /// <param name="notAssessed">Accounts (region null) and regions that could not be read.</param>
    /// <param name="gaps">Rules that could not be assessed in an account (region null) or region.</param>
    public ScanCoverage(IEnumerable<(string AccountId, string Region)> regionsRead, IEnumerable<string> rulesRun, IEnumerable<NotAssessedScope> notAssessed, IEnumerable<RuleGap> gaps)
    {
        _regionsRead = [.. regionsRead];
        _rulesRun = new HashSet<string>(rulesRun, StringComparer.Ordinal);
        _notAssessed = [.. notAssessed];
        _gaps = gaps.GroupBy(g => (g.RuleId, g.AccountId)).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The coverage of a scan that just ran.</summary>
    public static ScanCoverage Of(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScanCoverage(
            result.Inventory.Regions.Select(r => (r.AccountId, r.Region)),
            result.Rules.Select(r => r.Id),
            result.Inventory.NotAssessed,
            result.Evaluation.Gaps);
    }

    /// <summary>Null when the scan assessed <paramref name="ruleId"/> in the account/region; otherwise why not.</summary>
    /// <param name="ruleId">The rule of the finding.</param>
    /// <param name="accountId">The finding's account.</param>
    /// <param name="region">The finding's region.</param>
    public CoverageGap? WhyNotAssessed(string ruleId, string accountId, string region)
    {
        if (_notAssessed.FirstOrDefault(s => s.AccountId == accountId && (s.Region is null || s.Region == region)) is { } scope)
        {
            return new CoverageGap(
                scope.Region is null ? $"account {accountId} could not be read ({scope.ErrorCode})" : $"{accountId}/{region} could not be read ({scope.ErrorCode})",
                Partial: true);
        }

        if (!_regionsRead.Contains((accountId, region)))
        {
            return new CoverageGap($"{accountId}/{region} was not part of this scan", Partial: false);
        }

        if (!_rulesRun.Contains(ruleId))
        {
            return new CoverageGap($"{ruleId} did not run in this scan (disabled or not configured)", Partial: false);
        }

        if (_gaps.TryGetValue((ruleId, accountId), out var gaps) && gaps.FirstOrDefault(g => g.Region is null || g.Region == region) is { } gap)
        {
            return new CoverageGap($"{ruleId} could not be assessed in {accountId}/{region}: {gap.Reason}", Partial: true);
        }

        return null;
    }
}
