namespace SgAudit.Reporting.ViewModels;

/// <summary>One SARIF result: a finding with its synthetic artifact path, logical location and fingerprint.</summary>
public sealed record SarifResultView
{
    public required string RuleId { get; init; }

    /// <summary>Index of the rule in this run's driver.rules.</summary>
    public required int RuleIndex { get; init; }

    public required string Level { get; init; }
    public required string Message { get; init; }

    /// <summary>"new" or "unchanged" against the --baseline report; null without one (then no result has it).</summary>
    public string? BaselineState { get; init; }

    /// <summary>"aws/&lt;account&gt;/&lt;region&gt;/&lt;vpc-id or no-vpc&gt;/security-groups/&lt;sg-id&gt;": relative, lowercase ASCII, no colon.</summary>
    public required string ArtifactUri { get; init; }

    public required string ResourceId { get; init; }
    public required string ResourceArn { get; init; }
    public required string ResourceName { get; init; }

    /// <summary>partialFingerprints.primaryLocationLineHash: the finding fingerprint followed by ":1".</summary>
    public required string PrimaryLocationLineHash { get; init; }

    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public string? VpcId { get; init; }
    public required string Permission { get; init; }
    public required string Source { get; init; }

    /// <summary>properties["sgaudit/lastChange"]: who last changed the group; null when not attributed.</summary>
    public AttributionView? Attribution { get; init; }
}
