using System.Collections.Immutable;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Core.Model;

namespace SgAudit.Collectors;

/// <summary>
/// Reads every requested account and region through <see cref="IEc2Api"/>, following NextToken to the end, and maps
/// AWS's shapes to the model. A scope that fails is recorded as not assessed with its error code; it never becomes
/// an empty (clean-looking) region. Regions are read concurrently, and results are ordered by account and region.
/// </summary>
public sealed class InventoryCollector(CollectionOptions options)
{
    public async Task<Inventory> CollectAsync(IReadOnlyList<AccountTarget> accounts, CancellationToken cancellationToken)
    {
        var work = new List<(AccountTarget Account, string Region)>();
        var notAssessed = new List<NotAssessedScope>();
        foreach (var account in accounts)
        {
            try
            {
                var regionNames = options.Regions.IsDefaultOrEmpty ? await EnabledRegionsAsync(account.Api, cancellationToken) : options.Regions;
                work.AddRange(regionNames.Select(region => (account, region)));
                options.Progress?.AccountStarted(account.AccountId, regionNames.Count);
            }
            catch (AwsApiException ex)
            {
                notAssessed.Add(new NotAssessedScope(account.AccountId, null, ex.ErrorCode, ex.ErrorMessage));
                options.Progress?.ScopeFailed(account.AccountId, null, ex.ErrorCode);
            }
        }

        var results = new (RegionInventory? Region, NotAssessedScope? Failure)[work.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, work.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken },
            async (index, ct) => results[index] = await CollectScopeAsync(work[index].Account, work[index].Region, ct));

        var regions = results.Select(r => r.Region).OfType<RegionInventory>()
            .OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal);
        notAssessed.AddRange(results.Select(r => r.Failure).OfType<NotAssessedScope>());
        return new Inventory([.. regions], [.. notAssessed.OrderBy(s => s.AccountId, StringComparer.Ordinal).ThenBy(s => s.Region, StringComparer.Ordinal)]);
    }

    private async Task<(RegionInventory?, NotAssessedScope?)> CollectScopeAsync(AccountTarget account, string region, CancellationToken cancellationToken)
    {
        options.Progress?.RegionStarted(account.AccountId, region);
        try
        {
            var inventory = await CollectRegionAsync(account, region, cancellationToken);
            options.Progress?.RegionCompleted(account.AccountId, region, inventory.SecurityGroups.Length, inventory.NetworkInterfaces.Length);
            return (inventory, null);
        }
        catch (AwsApiException ex)
        {
            options.Progress?.ScopeFailed(account.AccountId, region, ex.ErrorCode);
            return (null, new NotAssessedScope(account.AccountId, region, ex.ErrorCode, ex.ErrorMessage));
        }
        catch (InvalidShapeException ex) when (!options.ThrowOnInvalidShape)
        {
            options.Progress?.ScopeFailed(account.AccountId, region, "InvalidResponse");
            return (null, new NotAssessedScope(account.AccountId, region, "InvalidResponse", $"EC2 returned a resource SgAudit cannot read: {ex.Message}"));
        }
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
            Vpcs = MapEach(vpcs, Ec2ShapeMapper.Map),
            SecurityGroups = MapEach(groups, g => Ec2ShapeMapper.Map(g, account.AccountId)),
            NetworkInterfaces = MapEach(interfaces, Ec2ShapeMapper.Map),
            NetworkAcls = MapEach(acls, Ec2ShapeMapper.Map),
            MissingParts = [.. missing],
        };
    }

    private static ImmutableArray<TModel> MapEach<TShape, TModel>(List<TShape> shapes, Func<TShape, TModel> map)
        where TShape : notnull
    {
        var builder = ImmutableArray.CreateBuilder<TModel>(shapes.Count);
        foreach (var shape in shapes)
        {
            try
            {
                builder.Add(map(shape));
            }
            catch (ShapeException ex)
            {
                throw new InvalidShapeException(shape, ex);
            }
        }

        return builder.MoveToImmutable();
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
            catch (AwsApiException ex) when (ex.ErrorCode == EmulatedEc2Api.NotProvidedCode)
            {
                missing.Add(part);
                return [];
            }

            items.AddRange(page.Items);
            token = page.NextToken;
            if (token is not null && !seen.Add(token))
            {
                throw new AwsApiException("InvalidResponse", "EC2 returned the same NextToken twice; the listing would never end.");
            }
        }
        while (token is not null);

        return items;
    }
}
