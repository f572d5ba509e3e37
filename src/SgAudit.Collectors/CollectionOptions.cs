using System.Collections.Immutable;
using SgAudit.Collectors.Ec2;

namespace SgAudit.Collectors;

/// <summary>How the collector reads.</summary>
public sealed record CollectionOptions
{
    /// <summary>Regions to read; empty means every region enabled for the account.</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>MaxResults for every Describe* call (EC2 accepts 5–1000).</summary>
    public int PageSize { get; init; } = PageRequest.Maximum;

    /// <summary>How many regions are read at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// For a user's model the input is wrong, not the service: throw <see cref="InvalidShapeException"/> so the
    /// caller can name the file and line. For live data the region is reported not assessed instead.
    /// </summary>
    public bool ThrowOnInvalidShape { get; init; }

    /// <summary>Told of each account and region as it is read; null for none.</summary>
    public ICollectionProgress? Progress { get; init; }
}
