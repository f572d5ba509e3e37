namespace SgAudit.Core.Baselines;

/// <summary>
/// A baseline finding the current scan does not have, but could not have seen: its scope or rule was not assessed
/// this time. Never counted as fixed.
/// </summary>
/// <param name="Finding">The baseline finding.</param>
/// <param name="Reason">Why it was not re-assessed.</param>
/// <param name="Partial">True when the current scan could not assess it (rather than left it out on purpose).</param>
public sealed record NotReassessedFinding(ReportedFinding Finding, string Reason, bool Partial);
