using System.Collections.Immutable;

namespace SgAudit.Core.Baselines;

/// <summary>
/// Two scans compared finding by finding, by fingerprint: what is new, what is unchanged, what is fixed (gone from
/// a scope and rule the current scan assessed) and what is gone only from sight (not re-assessed: never fixed).
/// Each list keeps the order of the report it comes from.
/// </summary>
public sealed record FindingDiff
{
    public required ImmutableArray<ReportedFinding> New { get; init; }
    public required ImmutableArray<ReportedFinding> Unchanged { get; init; }
    public required ImmutableArray<ReportedFinding> Fixed { get; init; }
    public required ImmutableArray<NotReassessedFinding> NotReassessed { get; init; }

    /// <summary>Compares two scans' findings by fingerprint.</summary>
    /// <param name="baseline">The earlier scan's findings.</param>
    /// <param name="current">The later scan's findings.</param>
    /// <param name="coverage">What the later scan assessed.</param>
    public static FindingDiff Compare(IReadOnlyList<ReportedFinding> baseline, IReadOnlyList<ReportedFinding> current, ScanCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var before = Fingerprints(baseline);
        var (gone, notReassessed) = Missing(baseline, Fingerprints(current), coverage);
        return new FindingDiff
        {
            New = [.. current.Where(f => !before.Contains(f.Fingerprint))],
            Unchanged = [.. current.Where(f => before.Contains(f.Fingerprint))],
            Fixed = gone,
            NotReassessed = notReassessed,
        };
    }

    /// <summary>The fingerprints of a report's findings.</summary>
    /// <param name="findings">The findings.</param>
    public static HashSet<string> Fingerprints(IEnumerable<ReportedFinding> findings) => [.. findings.Select(f => f.Fingerprint)];

    /// <summary>
    /// The baseline findings whose fingerprint the current scan does not have: fixed when the current scan assessed
    /// their rule in their account and region, otherwise not re-assessed (fail closed).
    /// </summary>
    /// <param name="baseline">The earlier scan's findings.</param>
    /// <param name="current">The fingerprints of the current scan's findings.</param>
    /// <param name="coverage">What the current scan assessed.</param>
    public static (ImmutableArray<ReportedFinding> Fixed, ImmutableArray<NotReassessedFinding> NotReassessed) Missing(
        IEnumerable<ReportedFinding> baseline, IReadOnlySet<string> current, ScanCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(coverage);
        var fixedFindings = ImmutableArray.CreateBuilder<ReportedFinding>();
        var notReassessed = ImmutableArray.CreateBuilder<NotReassessedFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in baseline)
        {
            if (current.Contains(finding.Fingerprint) || !seen.Add(finding.Fingerprint))
            {
                continue;
            }

            if (coverage.WhyNotAssessed(finding.RuleId, finding.AccountId, finding.Region) is { } gap)
            {
                notReassessed.Add(new NotReassessedFinding(finding, gap.Reason, gap.Partial));
            }
            else
            {
                fixedFindings.Add(finding);
            }
        }

        return (fixedFindings.ToImmutable(), notReassessed.ToImmutable());
    }
}
