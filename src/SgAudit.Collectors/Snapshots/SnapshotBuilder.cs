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
    public static ModelDocument Build(IReadOnlyList<(AccountTarget Target, RecordingEc2Api Recorder)> accounts, Inventory inventory)
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
}
