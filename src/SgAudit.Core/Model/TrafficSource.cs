namespace SgAudit.Core.Model;

/// <summary>One source (ingress) or destination (egress) of a security-group permission.</summary>
public abstract record TrafficSource
{
    /// <summary>The rule's own description of this source (untrusted text), if any.</summary>
    public string? Description { get; init; }

    /// <summary>How reports name the source: the CIDR, prefix-list id or group id.</summary>
    public abstract string DisplayText { get; }
}
