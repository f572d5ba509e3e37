using System.Globalization;
using SgAudit.Cli.Configuration;
using SgAudit.Cli.Console;
using SgAudit.Cli.Sources;
using SgAudit.Collectors.Models;
using SgAudit.Core.Rules;
using Spectre.Console;

namespace SgAudit.Cli.Commands;

/// <summary>
/// `sgaudit collect`: reads the source like a scan and writes what it read as a model file, which `scan --model`
/// replays with identical findings (an offline audit, a regression baseline, or a bug report without AWS access).
/// Scopes that could not be read go into the file with their error, and the exit code is 3 as for a scan.
/// </summary>
public sealed class CollectCommand(IAnsiConsole console, TextWriter error, TimeProvider time)
{
    public async Task<int> RunAsync(SourceOptions source, string outputPath, bool allowPartial, string? configPath, bool attribution, CancellationToken cancellationToken)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        var config = configPath is null ? ScanConfigLoader.Defaults(catalog) : ScanConfigLoader.Load(configPath, catalog);
        var service = new ScanService(time);
        var (inventory, snapshot, inputs) = source.IsLive
            ? await new CollectionProgressReporter(error).RunAsync(progress => service.CollectSnapshotAsync(source, progress, config, attribution, cancellationToken))
            : await service.CollectSnapshotAsync(source, null, config, attribution, cancellationToken);
        ModelFileWriter.Write(snapshot, outputPath);

        var groups = inventory.Regions.Sum(r => r.SecurityGroups.Length);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Collected {inputs.Source}: {snapshot.Accounts.Count} account(s), {inventory.Regions.Length} region(s), {groups} security group(s).")));
        console.MarkupLine($"Model written to {Markup.Escape(outputPath)}");
        foreach (var scope in inventory.NotAssessed)
        {
            console.MarkupLine($"[red]Not assessed[/]: {Markup.Escape($"account {scope.AccountId}{(scope.Region is null ? "" : " " + scope.Region)}: {scope.ErrorCode}: {scope.Message}")}");
        }

        return inventory.NotAssessed.IsEmpty || allowPartial ? ExitCodes.Success : ExitCodes.NotAssessed;
    }
}
