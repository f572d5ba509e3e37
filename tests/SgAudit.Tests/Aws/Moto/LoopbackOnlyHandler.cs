namespace SgAudit.Tests.Aws.Moto;

/// <summary>The transport of the moto tests: refuses any request that is not for 127.0.0.1, so no test can reach AWS.</summary>
internal sealed class LoopbackOnlyHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public int Requests => Volatile.Read(ref _requests);

    private int _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Equal("127.0.0.1", request.RequestUri!.Host);
        Interlocked.Increment(ref _requests);
        return base.SendAsync(request, cancellationToken);
    }
}
