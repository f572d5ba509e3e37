using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.Engine;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// An accepted exception: findings of <see cref="RuleIds"/> on the resources <see cref="Selector"/> picks do not count
/// for the gate, for a <see cref="Reason"/>, until the end of <see cref="Until"/> (UTC). Rule ids are exact; there is
/// no wildcard, so a rule added later is never suppressed by an exception written before it existed.
/// </summary>
public sealed record Suppression(ImmutableArray<string> RuleIds, ResourceSelector Selector, string Reason, SuppressionSource Source)
{
    /// <summary>The date format of <see cref="Until"/> in config files and tags.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The last day the suppression applies, in UTC: it is in force through that day and expired from 00:00 UTC the
    /// next day. Null: it never expires.
    /// </summary>
    public DateOnly? Until { get; init; }

    /// <summary>True from 00:00 UTC on the day after <see cref="Until"/>.</summary>
    /// <param name="now">The scan's clock reading.</param>
    public bool IsExpiredAt(DateTimeOffset now) => Until is { } last && DateOnly.FromDateTime(now.UtcDateTime) > last;

    /// <summary>True when the finding is of one of the rules and on a selected resource (expiry aside).</summary>
    /// <param name="finding">A finding of the scan.</param>
    public bool Covers(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return RuleIds.Contains(finding.RuleId, StringComparer.Ordinal) && Selector.Matches(finding);
    }

    /// <summary>Reads a date written exactly as YYYY-MM-DD (a real calendar date).</summary>
    /// <param name="text">The text of the date.</param>
    /// <param name="date">The date when it is one.</param>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The date as YYYY-MM-DD.</summary>
    /// <param name="date">A date.</param>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
