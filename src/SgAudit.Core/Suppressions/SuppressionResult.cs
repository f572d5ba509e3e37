namespace SgAudit.Core.Suppressions;

/// <summary>One suppression of a scan and what became of it.</summary>
public sealed record SuppressionResult(SuppressionSource Source, SuppressionStatus Status)
{
    /// <summary>The suppression; null only when <see cref="Status"/> is <see cref="SuppressionStatus.Invalid"/>.</summary>
    public Suppression? Suppression { get; init; }

    /// <summary>
    /// The findings it covers (its rules on its resources), in force or not: for an expired suppression, the findings it
    /// would have suppressed. A finding covered by several suppressions counts for each of them.
    /// </summary>
    public int Findings { get; init; }

    /// <summary>The findings it actually suppressed: those it covers for which it is the first suppression in force.</summary>
    public int Suppressed { get; init; }

    /// <summary>Why an invalid tag is not a suppression.</summary>
    public string? Problem { get; init; }

    /// <summary>The tag's value as found, for an invalid tag (untrusted text).</summary>
    public string? Value { get; init; }
}
