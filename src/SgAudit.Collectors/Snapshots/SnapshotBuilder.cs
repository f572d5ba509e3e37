using SgAudit.Collectors.CloudTrail.Shapes;
using SgAudit.Collectors.Models;
using SgAudit.Core.Model;

namespace SgAudit.Collectors.Snapshots;

/// <summary>
/// Turns what a collection recorded into a model document that `scan --model` replays with identical findings. A
/// scope the collection could not read is written with its error, so the replay reports it not assessed too; it is
/// never written as an empty, clean-looking region.
/// </summary>
public static class SnapshotBuilder
{
    public static ModelDocument Build(IReadOnlyList<(AccountTarget Target, RecordingEc2Api Recorder)> accounts, Inventory inventory) =>
        Build(accounts, inventory, new Dictionary<string, RecordingCloudTrailApi>());

    /// <summary>As <see cref="Build(IReadOnlyList{ValueTuple{AccountTarget, RecordingEc2Api}}, Inventory)"/>, with what CloudTrail returned per account.</summary>
    public static ModelDocument Build(IReadOnlyList<(AccountTarget Target, RecordingEc2Api Recorder)> accounts, Inventory inventory, IReadOnlyDictionary<string, RecordingCloudTrailApi> cloudTrail)
    {
        var document = new ModelDocument();
        foreach (var (target, recorder) in accounts)
        {
            var account = new ModelAccount { Id = target.AccountId, Name = target.DisplayName };
            var accountFailure = inventory.NotAssessed.FirstOrDefault(s => s.AccountId == target.AccountId && s.Region is null);
            if (accountFailure is not null)
            {
                account.Error = new ModelError { Code = accountFailure.ErrorCode, Message = accountFailure.Message };
            }

            var regionNames = recorder.Regions.Keys
                .Concat(inventory.NotAssessed.Where(s => s.AccountId == target.AccountId && s.Region is not null).Select(s => s.Region!))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var regionName in regionNames)
            {
                account.Regions.Add(BuildRegion(target.AccountId, regionName, recorder, inventory));
            }

            if (cloudTrail.TryGetValue(target.AccountId, out var trails))
            {
                AddCloudTrail(account, trails);
            }

            document.Accounts.Add(account);
        }

        return document;
    }

    private static ModelRegion BuildRegion(string accountId, string regionName, RecordingEc2Api recorder, Inventory inventory)
    {
        var failure = inventory.NotAssessed.FirstOrDefault(s => s.AccountId == accountId && s.Region == regionName);
        if (failure is not null)
        {
            return new ModelRegion { Name = regionName, Error = new ModelError { Code = failure.ErrorCode, Message = failure.Message } };
        }

        var recorded = recorder.Regions[regionName];
        return new ModelRegion
        {
            Name = regionName,
            Vpcs = recorded.Vpcs.Items,
            SecurityGroups = recorded.SecurityGroups.Items,
            NetworkInterfaces = recorded.NetworkInterfaces.Items,
            NetworkAcls = recorded.NetworkAcls.Items,
        };
    }

    /// <summary>
    /// Trails go into their home regions, but only when every trail call of the account answered and every home region
    /// is in the snapshot; otherwise the account's trails are left out (not provided), which a replay reports as not
    /// assessed rather than as "no trail".
    /// </summary>
    private static void AddCloudTrail(ModelAccount account, RecordingCloudTrailApi recorded)
    {
        var readable = account.Regions.Where(r => r.Error is null).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal);
        var trails = recorded.Trails.Values.SelectMany(t => t).Where(t => t.TrailARN is not null)
            .DistinctBy(t => t.TrailARN, StringComparer.Ordinal).ToList();
        var complete = !recorded.TrailCallFailed && trails.All(t => t.HomeRegion is not null && readable.Contains(t.HomeRegion));
        foreach (var region in account.Regions.Where(r => r.Error is null))
        {
            region.CloudTrailEvents = recorded.EventsIn(region.Name!);
            region.CloudTrailLookups = region.CloudTrailEvents is null ? null : recorded.LookupsIn(region.Name!);
            if (complete && recorded.Trails.ContainsKey(region.Name!))
            {
                region.Trails = [.. trails.Where(t => t.HomeRegion == region.Name).Select(t => ToModel(t, recorded))];
            }
        }
    }

    private static ModelTrail ToModel(TrailShape trail, RecordingCloudTrailApi recorded)
    {
        var selectors = recorded.SelectorsOf(trail);
        return new ModelTrail
        {
            Name = trail.Name,
            TrailARN = trail.TrailARN,
            HomeRegion = trail.HomeRegion,
            IsMultiRegionTrail = trail.IsMultiRegionTrail,
            IsOrganizationTrail = trail.IsOrganizationTrail,
            IncludeGlobalServiceEvents = trail.IncludeGlobalServiceEvents,
            HasCustomEventSelectors = trail.HasCustomEventSelectors,
            LogFileValidationEnabled = trail.LogFileValidationEnabled,
            S3BucketName = trail.S3BucketName,
            Status = recorded.StatusOf(trail),
            EventSelectors = selectors?.EventSelectors,
            AdvancedEventSelectors = selectors?.AdvancedEventSelectors,
        };
    }
}
