namespace SgAudit.Reporting.ViewModels;

/// <summary>How many findings have one severity; <see cref="Gate"/> marks severities at or above fail-on.</summary>
public sealed record SeverityCountView(string Severity, int Count, bool Gate);
