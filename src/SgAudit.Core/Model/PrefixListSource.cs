namespace SgAudit.Core.Model;

/// <summary>A managed prefix list source; its entries are not part of the inventory, so it is never a world source.</summary>
public sealed record PrefixListSource(string PrefixListId) : TrafficSource
{
    public override string DisplayText => PrefixListId;
}
