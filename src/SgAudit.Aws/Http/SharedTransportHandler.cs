namespace SgAudit.Aws.Http;

/// <summary>
/// Lets every account's handler chain end in one connection pool: disposing a chain disposes its handlers, but
/// not the shared transport, which its owner disposes once.
/// </summary>
internal sealed class SharedTransportHandler(HttpMessageHandler transport) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker = new(transport, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
