namespace SgAudit.Tests.Baselines;

/// <summary>One finding-shaped element of a report.json or a diff, as the baseline tests compare them.</summary>
/// <param name="Text">"SGA001 sg-… tcp 22 0.0.0.0/0": rule, resource, permission and source.</param>
/// <param name="Fingerprint">Its identity.</param>
/// <param name="Severity">critical … info.</param>
/// <param name="Permission">The evidence's permission ("tcp 22").</param>
/// <param name="Source">The evidence's source ("0.0.0.0/0").</param>
/// <param name="Baseline">"new" or "unchanged" in a report scanned with --baseline, else null.</param>
internal sealed record FindingRow(string Text, string Fingerprint, string Severity, string Permission, string Source, string? Baseline);
