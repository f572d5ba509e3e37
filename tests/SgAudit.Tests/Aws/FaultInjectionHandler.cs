using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SgAudit.Tests.Aws;

/// <summary>
/// Sits below the signing handler and fails the next attempts as scripted (throttling, 5xx, slow answers, dropped
/// connections, cut-off bodies), then lets requests through to the fake server. Counts every attempt it sees.
/// </summary>
internal sealed class FaultInjectionHandler(HttpMessageHandler server) : DelegatingHandler(server)
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _faults = new();
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public FaultInjectionHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> fault)
    {
        _faults.Enqueue(fault);
        return this;
    }

    public FaultInjectionHandler ThenStatus(HttpStatusCode status, string body, string mediaType = "text/xml", int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Then((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) }));
        }

        return this;
    }

    /// <summary>Answers only after the attempt's timeout (or the caller) gives up.</summary>
    public FaultInjectionHandler ThenHang() => Then(async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        throw new InvalidOperationException("unreachable");
    });

    public FaultInjectionHandler ThenDropConnection() =>
        Then((_, _) => throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer")));

    /// <summary>Lets the request through and cuts the clean answer to <paramref name="fraction"/> of its bytes (a well-formed HTTP body).</summary>
    public FaultInjectionHandler ThenTruncate(double fraction) => Then(async (request, ct) =>
    {
        var clean = await base.SendAsync(request, ct);
        var bytes = await clean.Content.ReadAsByteArrayAsync(ct);
        clean.Content = new ByteArrayContent(bytes[..(int)(bytes.Length * fraction)]);
        return clean;
    });

    /// <summary>Lets the request through; the body stream breaks half-way, as when the peer resets the connection mid-body.</summary>
    public FaultInjectionHandler ThenBreakBody() => Then(async (request, ct) =>
    {
        var clean = await base.SendAsync(request, ct);
        var bytes = await clean.Content.ReadAsByteArrayAsync(ct);
        clean.Content = new StreamContent(new BreakingStream(bytes[..(bytes.Length / 2)]));
        return clean;
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return _faults.TryDequeue(out var fault) ? fault(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    /// <summary>Serves some bytes, then throws as a reset connection does.</summary>
    private sealed class BreakingStream(byte[] prefix) : MemoryStream(prefix)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("Connection reset by peer");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("Connection reset by peer");
        }
    }
}
