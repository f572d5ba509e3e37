using SgAudit.Cli.Configuration;
using SgAudit.Collectors;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Cli;

/// <summary>Composes a scan: the embedded emulator seeded with the model, the collector, the rules engine.</summary>
public sealed class ScanService(TimeProvider time)
{
    /// <summary>
    /// Loads the model (an input error surfaces here, before anything is written) and collects it. The model's API
    /// shapes are referenced only inside this method, so they are garbage by the time rules run.
    /// </summary>
    public static async Task<(Inventory Inventory, ScanInputs Inputs)> CollectAsync(string? modelPath, CancellationToken cancellationToken)
    {
        var model = modelPath is null ? ModelSource.LoadDemo() : ModelSource.Load(modelPath);
        var emulator = new EmbeddedEmulator(model.Document);
        try
        {
            var inventory = await new InventoryCollector(new CollectionOptions { ThrowOnInvalidShape = true }).CollectAsync(emulator.Accounts, cancellationToken);
            return (inventory, new ScanInputs(model.Kind, model.Description));
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
}
