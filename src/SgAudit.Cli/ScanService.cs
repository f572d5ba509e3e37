using SgAudit.Collectors;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Emulator;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;

namespace SgAudit.Cli;

/// <summary>Composes a scan: the embedded emulator seeded with the model, the collector, the rules engine.</summary>
public sealed class ScanService(TimeProvider time)
{
    public async Task<ScanResult> RunAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var emulator = new EmbeddedEmulator(request.Model.Document);
        Inventory inventory;
        try
        {
            inventory = await new InventoryCollector(new CollectionOptions { ThrowOnInvalidShape = true }).CollectAsync(emulator.Accounts, cancellationToken);
        }
        catch (InvalidShapeException ex)
        {
            throw request.Model.Origin.Explain(ex.Shape, ex.Error);
        }

        var evaluation = RuleEngine.BuiltIn.Evaluate(request.Catalog, inventory, request.Config.Rules, cancellationToken);
        return new ScanResult(ToolInfo.Version, started, time.GetUtcNow(), new ScanInputs(request.Model.Kind, request.Model.Description) { ConfigFile = request.Config.File })
        {
            Catalog = request.Catalog,
            Rules = request.Config.Rules,
            Inventory = inventory,
            Evaluation = evaluation,
            FailOn = request.FailOn,
        };
    }
}
