using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Aws.Moto;

/// <summary>
/// One moto_server for a test collection: started on a free loopback port with fake credentials, seeded by
/// seed_moto.py (boto3), stopped by its process id on dispose. Fails with a clear message when moto_server or boto3
/// is missing; it never falls back to a real AWS endpoint.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private Process? _server;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>What seed_moto.py created (ids, and every group/interface/ACL id per account and region).</summary>
    public JsonElement Seed { get; private set; }

    public async Task InitializeAsync()
    {
        var port = FreeLoopbackPort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = Isolated(new ProcessStartInfo("moto_server") { ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "moto_server was not found on PATH. The live-transport tests need it: install moto with its server extra and boto3 " +
                "(pip install 'moto[server]' boto3, or the distribution's python3-moto and python3-boto3 packages).", ex);
        }

        _ = DrainAsync(_server.StandardOutput);
        _ = DrainAsync(_server.StandardError);
        await WaitUntilAnsweringAsync();
        Seed = await RunSeedAsync();
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true); // the process this fixture started, by its id
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Fake credentials only, metadata lookups off, and no AWS setting of the developer's environment.</summary>
    private static ProcessStartInfo Isolated(ProcessStartInfo start)
    {
        FakeAwsEnvironment.Apply(start);
        start.Environment["AWS_SESSION_TOKEN"] = "testing";
        return start;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
            // moto logs every request; reading keeps its pipe from filling up.
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_server.ExitCode} before answering on {Endpoint}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within 60 s.");
    }

    private async Task<JsonElement> RunSeedAsync()
    {
        var script = Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "SgAudit.Tests", "Aws", "Moto", "seed_moto.py");
        var start = Isolated(new ProcessStartInfo("python3") { ArgumentList = { script, Endpoint.ToString() } });
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var seed = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = seed.StandardOutput.ReadToEndAsync();
        var errors = seed.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await seed.WaitForExitAsync(timeout.Token);
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed_moto.py failed (exit {seed.ExitCode}); it needs python3 with boto3:\n{await errors}");
        }

        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
