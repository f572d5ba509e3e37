using System.Globalization;
using System.Text.RegularExpressions;
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
            if (account.Regions.Count == 0 && account.Error is null)
            {
                // An account with nothing to scan would look clean; say so instead.
                Fail(file, locator, $"{accountPath}.regions", $"account {account.Id} has no regions (give at least one, or an error to rehearse an unreadable account)");
            }

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
                ValidateRegion(file, locator, regionPath, region);
            }
        }
    }

    /// <summary>
    /// Checks that ids are unique and no item is empty. Each shape's content is checked when the collector maps it
    /// (once), and a bad shape then comes back as an input error with this file's line (<see cref="IModelOrigin"/>).
    /// </summary>
    public static void ValidateRegion(string file, ISourceLocator locator, string regionPath, ModelRegion region)
    {
        Each(file, locator, $"{regionPath}.Vpcs", region.Vpcs, v => v.VpcId);
        Each(file, locator, $"{regionPath}.SecurityGroups", region.SecurityGroups, g => g.GroupId);
        Each(file, locator, $"{regionPath}.NetworkInterfaces", region.NetworkInterfaces, e => e.NetworkInterfaceId);
        Each(file, locator, $"{regionPath}.NetworkAcls", region.NetworkAcls, n => n.NetworkAclId);
    }

    private static void Each<T>(string file, ISourceLocator locator, string listPath, List<T>? items, Func<T, string?> idOf)
    {
        if (items is null)
        {
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Fail(file, locator, $"{listPath}[{i}]", "empty item");
            }

            if (idOf(items[i]) is { } id && !ids.Add(id))
            {
                Fail(file, locator, $"{listPath}[{i}]", $"{id} appears twice");
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
