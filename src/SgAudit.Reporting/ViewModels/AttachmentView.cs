namespace SgAudit.Reporting.ViewModels;

/// <summary>A network interface a security group is attached to (or a subnet a network ACL is associated with).</summary>
public sealed record AttachmentView
{
    /// <summary>"eni-…" or "subnet-…".</summary>
    public required string Id { get; init; }

    /// <summary>"interface", "network_load_balancer", "lambda", … or "subnet".</summary>
    public required string Type { get; init; }

    public string? InstanceId { get; init; }
    public string? PrivateIp { get; init; }
    public string? PublicIp { get; init; }
    public string? Status { get; init; }

    /// <summary>The interface's description (account data; e.g. "ELB app/web-alb/…").</summary>
    public string? Description { get; init; }
}
