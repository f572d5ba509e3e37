using System.Collections.Immutable;
using SgAudit.Cli.Configuration;
using SgAudit.Collectors;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Cli;

/// <summary>Composes a scan: the embedded emulator seeded with the model, the collector, the rules engine, then CloudTrail.</summary>
public sealed class ScanService(TimeProvider time)
{
    /// <summary>
    /// Loads the model (an input error surfaces here, before anything is written) and collects it. The model's API
    /// shapes are referenced only inside this method, so they are garbage by the time rules run; the CloudTrail
    /// targets returned for after the rules keep only the model's CloudTrail data.
    /// </summary>
    public static async Task<(Inventory Inventory, ScanInputs Inputs, ImmutableArray<CloudTrailTarget> CloudTrail)> CollectAsync(string? modelPath, CancellationToken cancellationToken)
    {
        var model = modelPath is null ? ModelSource.LoadDemo() : ModelSource.Load(modelPath);
        var emulator = new EmbeddedEmulator(model.Document);
        try
        {
            var inventory = await new InventoryCollector(new CollectionOptions { ThrowOnInvalidShape = true }).CollectAsync(emulator.Accounts, cancellationToken);
            return (inventory, new ScanInputs(model.Kind, model.Description), CloudTrailTarget.From(emulator.Accounts));
        }
        catch (InvalidShapeException ex)
        {
            throw model.Origin.Explain(ex.Shape, ex.Error);
        }
    }

    public ScanResult Evaluate(Inventory inventory, ScanInputs inputs, ScanConfig config, RuleCatalog catalog, Severity? failOn, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var evaluation = RuleEngine.BuiltIn.Evaluate(catalog, inventory, config.Rules, cancellationToken);
        return new ScanResult(ToolInfo.Version, started, time.GetUtcNow(), inputs with { ConfigFile = config.File })
        {
            Catalog = catalog,
            Rules = config.Rules,
            Inventory = inventory,
            Evaluation = evaluation,
            FailOn = failOn,
        };
    }

    /// <summary>
    /// Trail posture for every account with CloudTrail, and, unless turned off, who last changed each failing
    /// security group. Informational: the result's gate and exit code do not depend on it.
    /// </summary>
    public async Task<ScanResult> AddCloudTrailAsync(ScanResult result, ImmutableArray<CloudTrailTarget> cloudTrail, bool attribution, CancellationToken cancellationToken)
    {
        if (cloudTrail.IsDefaultOrEmpty)
        {
            return result;
        }

        var options = new AttributionOptions();
        var postures = await new TrailPostureCollector().CollectAsync(cloudTrail, result.Inventory, cancellationToken);
        var attributions = attribution
            ? await new ChangeAttributionCollector(options, time).CollectAsync(cloudTrail, result.Findings, cancellationToken)
            : [];
        return result with
        {
            FinishedAt = time.GetUtcNow(),
            CloudTrail = new CloudTrailResult { Postures = postures, Attributions = attributions, AttributionRan = attribution, LookbackDays = options.LookbackDays },
        };
    }
}
