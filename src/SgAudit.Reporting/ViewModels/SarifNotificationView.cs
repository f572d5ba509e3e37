namespace SgAudit.Reporting.ViewModels;

/// <summary>A run-level tool execution notification (truncation, rules not assessed in the run's scope).</summary>
public sealed record SarifNotificationView(string Level, string Message);
