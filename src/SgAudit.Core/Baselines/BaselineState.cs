namespace SgAudit.Core.Baselines;

/// <summary>Whether a finding of this scan was already in the baseline report (same fingerprint).</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: it counts for the gate.</summary>
    New,

    /// <summary>In the baseline already: reported, but it does not fail the gate.</summary>
    Unchanged,
}
