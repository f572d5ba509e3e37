namespace SgAudit.Core.Baselines;

/// <summary>Why a scan did not assess a rule in an account/region.</summary>
/// <param name="Reason">In words, for reports.</param>
/// <param name="Partial">
/// True when the scan tried and could not (an unreadable account or region, a rule whose input was missing): the scan
/// is partial there. False when the scan left it out (a region not scanned, a rule disabled).
/// </param>
public sealed record CoverageGap(string Reason, bool Partial);
