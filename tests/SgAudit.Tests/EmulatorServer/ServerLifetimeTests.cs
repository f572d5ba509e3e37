using System.Net.Sockets;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;

namespace SgAudit.Tests.EmulatorServer;

public sealed class ServerLifetimeTests
{
    [Fact]
    public async Task Should_RefuseToStartWithAnIOException_When_ThePortIsTaken()
    {
        await using var first = await ServedEmulator.StartDemoAsync();

        var error = await Assert.ThrowsAnyAsync<IOException>(() => SgAudit.Emulator.EmulatorServer.StartAsync(
            new EmulatorServerOptions { Model = ModelSource.LoadDemo().Document, Port = first.Endpoint.Port },
            CancellationToken.None));

        Assert.Contains("address already in use", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_StopListening_When_Stopped()
    {
        var server = await ServedEmulator.StartDemoAsync();
        var port = server.Endpoint.Port;

        await server.StopAsync(CancellationToken.None);
        await server.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task Should_RefuseAPortOutsideTheTcpRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SgAudit.Emulator.EmulatorServer.StartAsync(
            new EmulatorServerOptions { Model = ModelSource.LoadDemo().Document, Port = 70000 },
            CancellationToken.None));
    }
}
