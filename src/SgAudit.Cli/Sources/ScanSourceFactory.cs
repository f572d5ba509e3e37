using SgAudit.Aws;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.Engine;

namespace SgAudit.Cli.Sources;

/// <summary>Builds the accounts to read from the options: the embedded emulator over a model, or live AWS.</summary>
public static class ScanSourceFactory
{
    public static async Task<ScanSource> CreateAsync(SourceOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options.IsLive)
        {
            return await CreateLiveAsync(options, cancellationToken);
        }

        var model = options.Model is null ? ModelSource.LoadDemo() : ModelSource.Load(options.Model);
        var emulator = new EmbeddedEmulator(model.Document);
        return new ScanSource(emulator.Accounts, new ScanInputs(model.Kind, model.Description), model.Origin);
    }

    private static async Task<ScanSource> CreateLiveAsync(SourceOptions options, CancellationToken cancellationToken)
    {
        // AwsSetupException (no credentials, unknown profile, identity unreadable) goes up to CliApp: nothing could be
        // assessed, which is exit 3 with one line, and no report that could be mistaken for a result.
        var aws = await AwsTargetFactory.CreateAsync(
            new AwsSourceOptions
            {
                Profile = options.Profile,
                EndpointUrl = options.EndpointUrl,
                RoleArns = options.RoleArns,
                AccountsFile = options.AccountsFile,
                RoleName = options.RoleName,
                ExternalId = options.ExternalId,
                Region = options.Regions.IsEmpty ? null : options.Regions[0],
                RequestTimeout = options.RequestTimeout,
            },
            cancellationToken);

        var description = options.EndpointUrl is null ? "live AWS" : $"live AWS API at {options.EndpointUrl}";
        var accounts = string.Join(", ", aws.Targets.Select(t => t.AccountId));
        return new ScanSource(aws.Targets, new ScanInputs("aws", $"{description} (account {accounts})"), null, new LiveResources(aws))
        {
            ApiCalls = () => aws.Calls.Calls,
        };
    }

    /// <summary>Releases the live clients when the scan is done with CloudTrail too.</summary>
    private sealed class LiveResources(AwsSource source) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            source.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
