namespace SgAudit.Collectors;

/// <summary>
/// Hears how collection goes, account by account and region by region (the CLI shows it on stderr). Called from
/// concurrent workers: implementations must be thread-safe and quick.
/// </summary>
public interface ICollectionProgress
{
    /// <summary>The regions of an account are known and its regions are about to be read.</summary>
    void AccountStarted(string accountId, int regionCount);

    void RegionStarted(string accountId, string region);

    /// <summary>A region was read completely (parts the source does not provide are listed in the inventory).</summary>
    void RegionCompleted(string accountId, string region, int securityGroups, int networkInterfaces);

    /// <summary>An account (region null) or region could not be read; it will be reported not assessed.</summary>
    void ScopeFailed(string accountId, string? region, string errorCode);
}
