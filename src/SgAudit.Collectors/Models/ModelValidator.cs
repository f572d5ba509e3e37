using System.Globalization;
using System.Text.RegularExpressions;
using SgAudit.Collectors.Ec2;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Checks a whole model before any scan starts, so bad input stops with its file and place instead of turning into a
/// partial or clean-looking result.
/// </summary>
internal static partial class ModelValidator
{
    public static void Validate(ModelDocument document, string file, ISourceLocator locator)
    {
        if (document.Version != 1)
        {
            Fail(file, locator, "$.version", string.Create(CultureInfo.InvariantCulture, $"model version {document.Version} is not supported (expected 1)"));
        }

        if (document.Accounts.Count == 0)
        {
            Fail(file, locator, "$.accounts", "the model has no accounts");
        }

        var accountIds = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < document.Accounts.Count; a++)
        {
            var account = document.Accounts[a];
            var accountPath = $"$.accounts[{a}]";
            if (account.Id is null || !AccountIdPattern().IsMatch(account.Id))
            {
                Fail(file, locator, $"{accountPath}.id", $"'{account.Id}' is not a 12-digit AWS account id");
            }

            if (!accountIds.Add(account.Id!))
            {
                Fail(file, locator, $"{accountPath}.id", $"account {account.Id} appears twice");
            }

            ValidateError(file, locator, $"{accountPath}.error", account.Error);
            var regionNames = new HashSet<string>(StringComparer.Ordinal);
            for (var r = 0; r < account.Regions.Count; r++)
            {
                var region = account.Regions[r];
                var regionPath = $"{accountPath}.regions[{r}]";
                if (region.Name is null || !RegionPattern().IsMatch(region.Name))
                {
                    Fail(file, locator, $"{regionPath}.name", $"'{region.Name}' is not a region name such as us-east-1");
                }

                if (!regionNames.Add(region.Name!))
                {
                    Fail(file, locator, $"{regionPath}.name", $"region {region.Name} appears twice in account {account.Id}");
                }

                ValidateError(file, locator, $"{regionPath}.error", region.Error);
                ValidateRegion(file, locator, regionPath, region, account.Id!);
            }
        }
    }

    /// <summary>Maps every resource once, so the collector never meets a shape it cannot map; checks ids are unique.</summary>
    public static void ValidateRegion(string file, ISourceLocator locator, string regionPath, ModelRegion region, string accountId)
    {
        Each(file, locator, $"{regionPath}.Vpcs", region.Vpcs, v => Ec2ShapeMapper.Map(v).Id);
        Each(file, locator, $"{regionPath}.SecurityGroups", region.SecurityGroups, g => Ec2ShapeMapper.Map(g, accountId).Id);
        Each(file, locator, $"{regionPath}.NetworkInterfaces", region.NetworkInterfaces, e => Ec2ShapeMapper.Map(e).Id);
        Each(file, locator, $"{regionPath}.NetworkAcls", region.NetworkAcls, n => Ec2ShapeMapper.Map(n).Id);
    }

    private static void Each<T>(string file, ISourceLocator locator, string listPath, List<T>? items, Func<T, string> map)
    {
        if (items is null)
        {
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{listPath}[{i}]";
            if (items[i] is null)
            {
                Fail(file, locator, itemPath, "empty item");
            }

            string id;
            try
            {
                id = map(items[i]);
            }
            catch (ShapeException ex)
            {
                throw new InputException(file, locator.Describe(ex.Path.Length == 0 ? itemPath : $"{itemPath}.{ex.Path}"), ex.Problem, ex);
            }

            if (!ids.Add(id))
            {
                Fail(file, locator, itemPath, $"{id} appears twice");
            }
        }
    }

    private static void ValidateError(string file, ISourceLocator locator, string path, ModelError? error)
    {
        if (error is not null && string.IsNullOrWhiteSpace(error.Code))
        {
            Fail(file, locator, $"{path}.code", "an error needs a code such as UnauthorizedOperation");
        }
    }

    private static void Fail(string file, ISourceLocator locator, string path, string problem) =>
        throw new InputException(file, locator.Describe(path), problem);

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
