using System.Collections.Immutable;
using SgAudit.Collectors.Ec2;

namespace SgAudit.Collectors;

/// <summary>How the collector reads: which regions (empty = every region enabled for the account) and the page size.</summary>
public sealed record CollectionOptions
{
    public ImmutableArray<string> Regions { get; init; } = [];
    public int PageSize { get; init; } = PageRequest.Maximum;
}
