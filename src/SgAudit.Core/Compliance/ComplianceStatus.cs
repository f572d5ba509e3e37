namespace SgAudit.Core.Compliance;

/// <summary>A control's state after a scan. Missing data is never a pass: it is <see cref="NotAssessed"/>.</summary>
public enum ComplianceStatus
{
    Pass,
    Fail,
    NotAssessed,
}
