namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// Who last changed a failing security group, flattened for templates. Actor, event id and source IP come from the
/// account's CloudTrail: render them escaped only.
/// </summary>
public sealed record AttributionView
{
    /// <summary>"found", "no-change", "not-looked-up" or "not-assessed".</summary>
    public required string Status { get; init; }

    /// <summary>One phrase: "last changed by X at T via EventName", "no change in the last 90 days", "not looked up (…)", "attribution not assessed: CODE".</summary>
    public required string Text { get; init; }

    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string GroupId { get; init; }

    /// <summary>The group's name, from its findings.</summary>
    public required string GroupName { get; init; }

    public string? Actor { get; init; }
    public string? EventName { get; init; }

    /// <summary>ISO 8601 UTC.</summary>
    public string? EventTime { get; init; }

    public string? SourceIp { get; init; }
    public string? EventId { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
}
