using SgAudit.Core.Rules;

namespace SgAudit.Core.Suppressions;

/// <summary>
/// Where a suppression came from: a config file and the line of its list item, or the tag on one resource. Reports
/// show <see cref="Text"/>; an auditor follows it back to the exception's owner.
/// </summary>
public sealed record SuppressionSource
{
    private SuppressionSource(SuppressionSourceKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public SuppressionSourceKind Kind { get; }

    /// <summary>"sgaudit.yaml line 12", or "tag sgaudit:suppress on sg-0abc (123456789012/us-east-1)".</summary>
    public string Text { get; }

    /// <summary>The config file (config suppressions).</summary>
    public string? File { get; private init; }

    /// <summary>The line of the suppression's list item (config suppressions).</summary>
    public int? Line { get; private init; }

    /// <summary>The tagged resource's account (tag suppressions).</summary>
    public string? AccountId { get; private init; }

    /// <summary>The tagged resource's region (tag suppressions).</summary>
    public string? Region { get; private init; }

    /// <summary>The tagged resource's kind (tag suppressions).</summary>
    public ResourceKind? ResourceKind { get; private init; }

    /// <summary>The tagged resource (tag suppressions).</summary>
    public string? ResourceId { get; private init; }

    /// <summary>A suppression in a config file.</summary>
    /// <param name="file">The config file as given to --config.</param>
    /// <param name="line">The 1-based line of its list item.</param>
    public static SuppressionSource Config(string file, int line) =>
        new(SuppressionSourceKind.Config, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file} line {line}")) { File = file, Line = line };

    /// <summary>A suppression in a tag on the resource it suppresses.</summary>
    /// <param name="accountId">The resource's account.</param>
    /// <param name="region">The resource's region.</param>
    /// <param name="kind">Security group or network ACL.</param>
    /// <param name="resourceId">The tagged resource.</param>
    public static SuppressionSource Tag(string accountId, string region, ResourceKind kind, string resourceId) =>
        new(SuppressionSourceKind.Tag, $"tag {SuppressionTag.Key} on {resourceId} ({accountId}/{region})")
        {
            AccountId = accountId,
            Region = region,
            ResourceKind = kind,
            ResourceId = resourceId,
        };
}
