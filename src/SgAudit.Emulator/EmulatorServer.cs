using System.Collections.Immutable;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SgAudit.Emulator;

/// <summary>
/// The embedded emulator served over HTTP on 127.0.0.1: EC2 (Query protocol), STS (AssumeRole,
/// GetCallerIdentity) and CloudTrail (JSON 1.1), so the aws CLI, SDKs and SgAudit's live client can be pointed at a
/// model. It binds loopback only and does not verify signatures (docs/emulator.md).
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRequestHandler _handler;

    private EmulatorServer(WebApplication app, EmulatorRequestHandler handler, Uri endpoint)
    {
        _app = app;
        _handler = handler;
        Endpoint = endpoint;
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:41234/ (the port actually chosen when asked for port 0).</summary>
    public Uri Endpoint { get; }

    /// <summary>Requests received so far per action (DescribeSecurityGroups, AssumeRole, LookupEvents, …), throttled ones included.</summary>
    public ImmutableSortedDictionary<string, long> RequestCounts => _handler.Requests.Snapshot();

    /// <summary>Requests answered with an injected throttling error, per action.</summary>
    public ImmutableSortedDictionary<string, long> ThrottledCounts => _handler.Throttled.Snapshot();

    public static async Task<EmulatorServer> StartAsync(EmulatorServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        options.Faults.Validate();

        // The empty builder reads no appsettings.json, environment variables or command line and adds no logging:
        // nothing outside these options can add an endpoint that is not loopback or write to stdout.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        var handler = new EmulatorRequestHandler(options);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EmulatorServer(app, handler, new Uri(address.TrimEnd('/') + "/"));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
