using System.Globalization;
using System.Text.RegularExpressions;
using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Core;
using SgAudit.Core.Model;

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

        // STJ sets an explicit `null` on a list member; the model's lists may be empty, never null.
        if (document.Accounts is null)
        {
            Fail(file, locator, "$.accounts", "'accounts' must be a list of accounts, not null");
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
            if (account is null)
            {
                Fail(file, locator, accountPath, "empty item");
            }

            if (account.Regions is null)
            {
                Fail(file, locator, $"{accountPath}.regions", "'regions' must be a list of regions, not null");
            }
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
                if (region is null)
                {
                    Fail(file, locator, regionPath, "empty item");
                }

                if (!RegionName.IsValid(region.Name))
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
        ValidateTrails(file, locator, $"{regionPath}.Trails", region.Name, region.Trails);
        ValidateEvents(file, locator, $"{regionPath}.CloudTrailEvents", region.CloudTrailEvents);
    }

    /// <summary>
    /// CloudTrail data decides whether a trail counts as logging, so fields whose absence would be read as a default
    /// (logging state, selector flags) are required rather than guessed.
    /// </summary>
    private static void ValidateTrails(string file, ISourceLocator locator, string listPath, string? regionName, List<ModelTrail>? trails)
    {
        Each(file, locator, listPath, trails, t => t.Name);
        for (var i = 0; i < (trails?.Count ?? 0); i++)
        {
            var trail = trails![i];
            var path = $"{listPath}[{i}]";
            var missing = new[] { ("Name", trail.Name), ("TrailARN", trail.TrailARN), ("HomeRegion", trail.HomeRegion) }
                .Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
            if (trail.IsMultiRegionTrail is null)
            {
                missing.Add("IsMultiRegionTrail");
            }

            if (missing.Count > 0)
            {
                Fail(file, locator, path, $"a trail needs Name, TrailARN, HomeRegion and IsMultiRegionTrail (missing: {string.Join(", ", missing)})");
            }

            if (regionName is not null && trail.HomeRegion != regionName)
            {
                Fail(file, locator, $"{path}.HomeRegion", $"trail {trail.Name} has home region {trail.HomeRegion} but is listed in {regionName}; list each trail once, in its home region (a multi-region trail appears in every region by itself)");
            }

            if (trail.Status is { IsLogging: null })
            {
                Fail(file, locator, $"{path}.Status", "a trail status needs IsLogging (true or false)");
            }

            if (trail.EventSelectors is { Count: > 0 } && trail.AdvancedEventSelectors is { Count: > 0 })
            {
                Fail(file, locator, $"{path}.AdvancedEventSelectors", "a trail has either EventSelectors or AdvancedEventSelectors, not both");
            }

            for (var s = 0; s < (trail.EventSelectors?.Count ?? 0); s++)
            {
                var selector = trail.EventSelectors![s];
                if (selector is null || selector.IncludeManagementEvents is null || selector.ReadWriteType is not ("All" or "ReadOnly" or "WriteOnly"))
                {
                    Fail(file, locator, $"{path}.EventSelectors[{s}]", "an event selector needs ReadWriteType (All, ReadOnly or WriteOnly) and IncludeManagementEvents (true or false)");
                }
            }

            for (var s = 0; s < (trail.AdvancedEventSelectors?.Count ?? 0); s++)
            {
                var selector = trail.AdvancedEventSelectors![s];
                if (selector?.FieldSelectors is not { Count: > 0 } fields || fields.Any(f => string.IsNullOrWhiteSpace(f?.Field)))
                {
                    Fail(file, locator, $"{path}.AdvancedEventSelectors[{s}]", "an advanced event selector needs FieldSelectors, each with a Field");
                }
            }
        }
    }

    private static void ValidateEvents(string file, ISourceLocator locator, string listPath, List<CloudTrailEventShape>? events)
    {
        Each(file, locator, listPath, events, e => e.EventId);
        for (var i = 0; i < (events?.Count ?? 0); i++)
        {
            var item = events![i];
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(item.EventId))
            {
                missing.Add("EventId");
            }

            if (string.IsNullOrWhiteSpace(item.EventName))
            {
                missing.Add("EventName");
            }

            if (item.EventTime is null)
            {
                missing.Add("EventTime");
            }

            if (item.Resources is not { Count: > 0 } || item.Resources.Any(r => string.IsNullOrWhiteSpace(r?.ResourceName)))
            {
                missing.Add("Resources (each with a ResourceName)");
            }

            if (missing.Count > 0)
            {
                Fail(file, locator, $"{listPath}[{i}]", $"an event needs EventId, EventName, EventTime and Resources (missing: {string.Join(", ", missing)})");
            }
        }
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

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string file, ISourceLocator locator, string path, string problem) =>
        throw new InputException(file, locator.Describe(path), problem);

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();
}
