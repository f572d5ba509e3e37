using System.Collections.Immutable;

namespace SgAudit.Core.Model;

/// <summary>The collected state of every scope a scan covered, plus the scopes it could not read.</summary>
public sealed record Inventory(ImmutableArray<RegionInventory> Regions, ImmutableArray<NotAssessedScope> NotAssessed)
{
    public static Inventory Empty { get; } = new([], []);
}
