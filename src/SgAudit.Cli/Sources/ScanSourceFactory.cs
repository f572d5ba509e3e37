using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core;
using SgAudit.Core.Engine;

namespace SgAudit.Cli.Sources;

/// <summary>Builds the accounts to read from the options: the embedded emulator over a model, or live AWS.</summary>
public static class ScanSourceFactory
{
    public static Task<ScanSource> CreateAsync(SourceOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options.IsLive)
        {
            throw new InputException("--source", null, "aws is not available in this build");
        }

        var model = options.Model is null ? ModelSource.LoadDemo() : ModelSource.Load(options.Model);
        var emulator = new EmbeddedEmulator(model.Document);
        return Task.FromResult(new ScanSource(emulator.Accounts, new ScanInputs(model.Kind, model.Description), model.Origin));
    }
}
