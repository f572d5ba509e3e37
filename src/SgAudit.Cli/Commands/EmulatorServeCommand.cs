using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core;
using SgAudit.Emulator;

namespace SgAudit.Cli.Commands;

/// <summary>
/// `sgaudit emulator serve`: the embedded emulator over HTTP on 127.0.0.1 (EC2 Query, STS, CloudTrail JSON), so the
/// live client, the aws CLI or an SDK can be pointed at a model. Runs until cancelled (Ctrl+C).
/// </summary>
public sealed class EmulatorServeCommand(TextWriter output)
{
    public async Task<int> RunAsync(string? modelPath, int port, double throttleRate, int latencyMs, ImmutableArray<string> failRegions, CancellationToken cancellationToken)
    {
        var model = modelPath is null ? ModelSource.LoadDemo() : ModelSource.Load(modelPath);
        FaultInjection faults;
        try
        {
            faults = new FaultInjection
            {
                ThrottleRate = throttleRate,
                Latency = TimeSpan.FromMilliseconds(latencyMs),
                RegionErrors = FaultInjection.ParseRegionErrors(failRegions),
            };
            faults.Validate();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InputException("--fail-region", null, ex.Message, ex);
        }

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(
                new EmulatorServerOptions { Model = model.Document, Port = port, Faults = faults, CloudTrailApiFactory = account => new EmulatedCloudTrailApi(account) },
                cancellationToken);
        }
        catch (IOException ex)
        {
            throw new InputException("--port", null, string.Create(CultureInfo.InvariantCulture, $"cannot listen on 127.0.0.1:{port}: {ex.Message}"), ex);
        }

        await using (server)
        {
            await output.WriteLineAsync($"Serving {model.Description} at {server.Endpoint} (EC2, STS, CloudTrail). Ctrl+C stops.");
            await output.WriteLineAsync($"Try: aws ec2 describe-security-groups --endpoint-url {server.Endpoint} --region {model.Document.Accounts[0].Regions.FirstOrDefault()?.Name ?? "us-east-1"}");
            await output.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how a server is meant to stop.
            }
        }

        return ExitCodes.Success;
    }
}
