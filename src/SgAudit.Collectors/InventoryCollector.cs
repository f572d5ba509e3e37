using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Core.Model;

namespace SgAudit.Collectors;

/// <summary>
/// Reads every requested account and region through <see cref="IEc2Api"/>, following NextToken to the end, and maps
/// AWS's shapes to the model. A scope that fails is recorded as not assessed with its error code; it never becomes
/// an empty (clean-looking) region.
/// </summary>
public sealed class InventoryCollector(CollectionOptions options)
{
    public async Task<Inventory> CollectAsync(IReadOnlyList<AccountTarget> accounts, CancellationToken cancellationToken)
    {
        var regions = new List<RegionInventory>();
        var notAssessed = new List<NotAssessedScope>();
        foreach (var account in accounts)
        {
            IReadOnlyList<string> regionNames;
            try
            {
                regionNames = options.Regions.IsDefaultOrEmpty ? await EnabledRegionsAsync(account.Api, cancellationToken) : options.Regions;
            }
            catch (Ec2ApiException ex)
            {
                notAssessed.Add(new NotAssessedScope(account.AccountId, null, ex.ErrorCode, ex.Message));
                continue;
            }

            foreach (var region in regionNames)
            {
                try
                {
                    regions.Add(await CollectRegionAsync(account, region, cancellationToken));
                }
                catch (Ec2ApiException ex)
                {
                    notAssessed.Add(new NotAssessedScope(account.AccountId, region, ex.ErrorCode, ex.Message));
                }
                catch (ShapeException ex)
                {
                    notAssessed.Add(new NotAssessedScope(account.AccountId, region, "InvalidResponse", $"EC2 returned a resource SgAudit cannot read: {ex.Message}"));
                }
            }
        }

        return new Inventory([.. regions], [.. notAssessed]);
    }

    private static async Task<IReadOnlyList<string>> EnabledRegionsAsync(IEc2Api api, CancellationToken cancellationToken)
    {
        var all = await api.DescribeRegionsAsync(cancellationToken);
        return [.. all.Where(r => r.OptInStatus is null or "opt-in-not-required" or "opted-in").Select(r => r.RegionName).OfType<string>().Order(StringComparer.Ordinal)];
    }

    private async Task<RegionInventory> CollectRegionAsync(AccountTarget account, string region, CancellationToken cancellationToken)
    {
        var missing = new List<InventoryPart>();
        var vpcs = await ReadAllAsync(InventoryPart.Vpcs, missing, (p, ct) => account.Api.DescribeVpcsAsync(region, p, ct), cancellationToken);
        var groups = await ReadAllAsync(InventoryPart.SecurityGroups, missing, (p, ct) => account.Api.DescribeSecurityGroupsAsync(region, p, ct), cancellationToken);
        var interfaces = await ReadAllAsync(InventoryPart.NetworkInterfaces, missing, (p, ct) => account.Api.DescribeNetworkInterfacesAsync(region, p, ct), cancellationToken);
        var acls = await ReadAllAsync(InventoryPart.NetworkAcls, missing, (p, ct) => account.Api.DescribeNetworkAclsAsync(region, p, ct), cancellationToken);

        return new RegionInventory(account.AccountId, region)
        {
            Vpcs = [.. vpcs.Select(Ec2ShapeMapper.Map)],
            SecurityGroups = [.. groups.Select(g => Ec2ShapeMapper.Map(g, account.AccountId))],
            NetworkInterfaces = [.. interfaces.Select(Ec2ShapeMapper.Map)],
            NetworkAcls = [.. acls.Select(Ec2ShapeMapper.Map)],
            MissingParts = [.. missing],
        };
    }

    private async Task<List<T>> ReadAllAsync<T>(InventoryPart part, List<InventoryPart> missing, Func<PageRequest, CancellationToken, Task<Ec2Page<T>>> call, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            Ec2Page<T> page;
            try
            {
                page = await call(new PageRequest(options.PageSize, token), cancellationToken);
            }
            catch (Ec2ApiException ex) when (ex.ErrorCode == EmulatedEc2Api.NotProvidedCode)
            {
                missing.Add(part);
                return [];
            }

            items.AddRange(page.Items);
            token = page.NextToken;
            if (token is not null && !seen.Add(token))
            {
                throw new Ec2ApiException("InvalidResponse", "EC2 returned the same NextToken twice; the listing would never end.");
            }
        }
        while (token is not null);

        return items;
    }
}
