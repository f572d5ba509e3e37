using System.Net;
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
    public async Task Should_AnswerInternalErrorAndKeepServing_When_AnApiFailsUnexpectedly()
    {
        await using var server = await ServedEmulator.StartAsync(ModelSource.LoadDemo().Document, cloudTrail: _ => new FailingCloudTrailApi());

        var (status, body) = await EmulatorHttp.CloudTrailAsync(server.Endpoint, "us-east-1", "DescribeTrails", "{}");
        var next = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeRegions");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("""{"__type":"InternalError","message":"The SgAudit emulator failed: broken trail store"}""", body);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Should_AnswerMalformedQueryString_When_TheFormCannotBeRead()
    {
        await using var server = await ServedEmulator.StartDemoAsync();

        // ASP.NET Core reads at most 1,024 form values: far more than any Describe call sends
        var answer = await EmulatorHttp.Ec2Async(server.Endpoint, "us-east-1", "DescribeVpcs", EmulatorHttp.DefaultAccessKey, [.. Enumerable.Range(1, 1100).Select(i => ($"GroupId.{i}", "sg-1"))]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Ec2QueryTests.AssertEc2Error(answer, "MalformedQueryString");
    }

    [Fact]
    public async Task Should_RefuseAPortOutsideTheTcpRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SgAudit.Emulator.EmulatorServer.StartAsync(
            new EmulatorServerOptions { Model = ModelSource.LoadDemo().Document, Port = 70000 },
            CancellationToken.None));
    }
}
