namespace SgAudit.Reporting.ViewModels;

/// <summary>One account's CloudTrail posture for templates. Trail names and error messages are account data.</summary>
public sealed record TrailPostureView
{
    public required string AccountId { get; init; }

    /// <summary>"logging", "not-logging" or "not-assessed".</summary>
    public required string Status { get; init; }

    /// <summary>"Logging", "Not logging" or "Not assessed".</summary>
    public required string StatusText { get; init; }

    /// <summary>One phrase explaining the status ("multi-region trail org-trail is not logging").</summary>
    public required string Text { get; init; }

    /// <summary>Why not logging: "no-trail", "not-multi-region", "not-logging", "management-events-excluded"; else null.</summary>
    public string? Gap { get; init; }

    public string? TrailName { get; init; }
    public string? TrailArn { get; init; }
    public string? HomeRegion { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
}
