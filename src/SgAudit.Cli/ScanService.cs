using System.Collections.Immutable;
using SgAudit.Cli.Configuration;
using SgAudit.Cli.Sources;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Models;
using SgAudit.Collectors.Snapshots;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Suppressions;

namespace SgAudit.Cli;

/// <summary>Composes a scan: the embedded emulator seeded with the model, the collector, the rules engine, then CloudTrail.</summary>
public sealed class ScanService(TimeProvider time)
{
    /// <summary>
    /// Opens the source (an input error surfaces here, before anything is written) and collects it. The source's EC2
    /// side and the model's API shapes are referenced only inside this method, so they are garbage by the time rules
    /// run; what is returned keeps only CloudTrail, for after the rules, and the connections it needs (dispose it).
    /// </summary>
    public static async Task<CollectedSource> CollectAsync(SourceOptions options, ICollectionProgress? progress, CancellationToken cancellationToken)
    {
        var source = await ScanSourceFactory.CreateAsync(options, cancellationToken);
        try
        {
            var inventory = await CollectAsync(source, source.Accounts, options, progress, cancellationToken);
            return new CollectedSource(inventory, source.Inputs, CloudTrailTarget.From(source.Accounts), source.Resources) { ApiCalls = source.ApiCalls };
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Collects and records what every call returned, for `sgaudit collect`: the snapshot replays with identical
    /// findings, and scopes that could not be read are written with their errors. CloudTrail is read as a scan with
    /// <paramref name="config"/> would read it (trail posture, and the failing groups' last changes), so a replay with
    /// the same configuration attributes the same way.
    /// </summary>
    public async Task<(Inventory Inventory, ModelDocument Snapshot, ScanInputs Inputs)> CollectSnapshotAsync(
        SourceOptions options, ICollectionProgress? progress, ScanConfig config, bool attribution, CancellationToken cancellationToken)
    {
        await using var source = await ScanSourceFactory.CreateAsync(options, cancellationToken);
        var recorded = source.Accounts.Select(a => (Target: a, Recorder: new RecordingEc2Api(a.Api))).ToList();
        var cloudTrail = source.Accounts.Where(a => a.CloudTrail is not null)
            .ToDictionary(a => a.AccountId, a => new RecordingCloudTrailApi(a.CloudTrail!), StringComparer.Ordinal);
        var targets = recorded.Select(r => r.Target with { Api = r.Recorder, CloudTrail = cloudTrail.GetValueOrDefault(r.Target.AccountId) }).ToList();
        var inventory = await CollectAsync(source, targets, options, progress, cancellationToken);
        if (cloudTrail.Count > 0)
        {
            var result = Evaluate(inventory, source.Inputs, config, null, time.GetUtcNow(), cancellationToken);
            await AddCloudTrailAsync(result, CloudTrailTarget.From(targets), attribution, cancellationToken);
        }

        return (inventory, SnapshotBuilder.Build(recorded, inventory, cloudTrail), source.Inputs);
    }

    private static async Task<Inventory> CollectAsync(ScanSource source, IReadOnlyList<AccountTarget> accounts, SourceOptions options, ICollectionProgress? progress, CancellationToken cancellationToken)
    {
        var collection = new CollectionOptions
        {
            Regions = options.Regions,
            MaxConcurrency = options.Concurrency,
            ThrowOnInvalidShape = source.Origin is not null,
            Progress = progress,
        };
        try
        {
            return await new InventoryCollector(collection).CollectAsync(accounts, cancellationToken);
        }
        catch (InvalidShapeException ex) when (source.Origin is { } origin)
        {
            throw origin.Explain(ex.Shape, ex.Error);
        }
    }

    /// <summary>
    /// Once collection ends, the model's API shapes (hundreds of MB at 100,000 groups) are garbage that has lived long
    /// enough to reach the oldest generation. Left alone, the GC finds them with a full collection in the middle of
    /// evaluation or rendering that then moves the findings too. One compacting full collection now, while the live
    /// heap is just the inventory, costs no more than a sweep did and leaves no holes for a later one to close up; on a
    /// small scan it is next to nothing (docs/performance.md, change 25).
    /// </summary>
    public static void ReclaimCollectionGarbage() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

    public ScanResult Evaluate(Inventory inventory, ScanInputs inputs, ScanConfig config, Severity? failOn, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var evaluation = RuleEngine.BuiltIn.Evaluate(config.Catalog, inventory, config.Rules, cancellationToken);
        var result = new ScanResult(ToolInfo.Version, started, time.GetUtcNow(), inputs with { ConfigFile = config.File })
        {
            Catalog = config.Catalog,
            Rules = config.Rules,
            Inventory = inventory,
            Evaluation = evaluation,
            FailOn = failOn,
        };

        // After evaluation, so compliance stays computed from the raw findings; expiry is decided at the scan's start.
        return ScanSuppressions.Apply(result, config.Suppressions, started);
    }

    /// <summary>The result with <see cref="CloudTrailAssessment"/> of its CloudTrail accounts, if any.</summary>
    public async Task<ScanResult> AddCloudTrailAsync(ScanResult result, ImmutableArray<CloudTrailTarget> cloudTrail, bool attribution, CancellationToken cancellationToken)
    {
        if (cloudTrail.IsDefaultOrEmpty)
        {
            return result;
        }

        var assessed = await CloudTrailAssessment.CollectAsync(cloudTrail, result.Inventory, result.Findings, attribution, time, cancellationToken);
        return result with { FinishedAt = time.GetUtcNow(), CloudTrail = assessed };
    }
}
