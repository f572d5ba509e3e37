using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SgAudit.Tests.Support;

/// <summary>
/// A loopback HTTP proxy in front of an AWS-like endpoint (moto, the served emulator) that answers every other request
/// of each operation with a fault (throttling, a 500, a response too slow for the client's timeout, a body cut off
/// mid-way, a dropped connection), in rotation, and forwards the rest. A client that retries correctly ends with
/// exactly the data a clean run gets; one that does not fails or, worse, reads a short page.
/// </summary>
internal sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly ConcurrentDictionary<string, int> _requestsPerOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _faultedStreams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ProxyFault, int> _injected = new();
    private readonly Uri _target;
    private readonly IReadOnlyList<ProxyFault> _faults;
    private readonly TimeSpan _slowDelay;

    private FaultInjectingProxy(WebApplication app, Uri target, IReadOnlyList<ProxyFault> faults, TimeSpan slowDelay)
    {
        _app = app;
        _target = target;
        _faults = faults;
        _slowDelay = slowDelay;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>How many times each fault was injected.</summary>
    public IReadOnlyDictionary<ProxyFault, int> Injected => _injected;

    public static async Task<FaultInjectingProxy> StartAsync(Uri target, IReadOnlyList<ProxyFault> faults, TimeSpan slowDelay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultInjectingProxy(app, target, faults, slowDelay);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var form = FormOf(context.Request, body);
        var operation = OperationOf(context.Request, form);
        var count = _requestsPerOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);

        // Odd requests of an operation pass, even ones fail, and the request after a fault on the same stream (the
        // retry) always passes. Counting alone did not promise that: two regions' calls of one operation interleave, and
        // in step one region's retries could land on the even counts every time until its retries ran out.
        var stream = StreamOf(context.Request, form, operation);
        var isRetryAfterFault = _faultedStreams.TryRemove(stream, out _);
        var fault = !isRetryAfterFault && count % 2 == 0 && _faults.Count > 0 ? _faults[(count / 2 - 1) % _faults.Count] : (ProxyFault?)null;
        if (fault is { } injected)
        {
            _injected.AddOrUpdate(injected, 1, (_, n) => n + 1);
            _faultedStreams[stream] = true;
        }

        switch (fault)
        {
            case ProxyFault.Throttle:
                await ThrottleAsync(context, operation);
                return;
            case ProxyFault.ServerError:
                context.Response.StatusCode = 500;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!doctype html><title>500 Internal Server Error</title>");
                return;
            case ProxyFault.DropConnection:
                context.Abort();
                return;
            case ProxyFault.Slow:
                await Task.Delay(_slowDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, context.Request.Path + context.Request.QueryString))
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var header in context.Request.Headers)
        {
            if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                forward.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            else if (!header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        var payload = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        if (fault == ProxyFault.TruncateBody && payload.Length > 1)
        {
            // Promise the whole body, send half, then drop the connection: the client must see an error, not a short page.
            context.Response.ContentLength = payload.Length;
            await context.Response.Body.WriteAsync(payload.AsMemory(0, payload.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        context.Response.ContentLength = payload.Length;
        await context.Response.Body.WriteAsync(payload, context.RequestAborted);
    }

    private static async Task ThrottleAsync(HttpContext context, string operation)
    {
        if (operation.StartsWith("json:", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync("""{"__type":"ThrottlingException","message":"Rate exceeded"}""");
            return;
        }

        context.Response.StatusCode = 503;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync("<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>proxy</RequestID></Response>");
    }

    /// <summary>
    /// One caller's sequence of calls of an operation: the operation, the signing key and region of its credential
    /// scope (one per account session and region, whose calls SgAudit makes one after another) and, for STS, the role.
    /// </summary>
    private static string StreamOf(HttpRequest request, string[] form, string operation)
    {
        var authorization = request.Headers.Authorization.ToString();
        var credential = authorization.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => p.StartsWith("Credential=", StringComparison.Ordinal)) ?? "";
        var scope = credential.Split('/');
        var key = scope.Length >= 4 ? $"{scope[0]}/{scope[2]}" : credential; // access key and region; the date may change mid-run
        var roleArn = form.FirstOrDefault(p => p.StartsWith("RoleArn=", StringComparison.Ordinal)) ?? "";
        return $"{operation}|{key}|{roleArn}";
    }

    /// <summary>The Query API's Action, or the JSON API's X-Amz-Target; requests are counted per operation.</summary>
    private static string OperationOf(HttpRequest request, string[] form)
    {
        if (request.Headers.TryGetValue("X-Amz-Target", out var target))
        {
            return "json:" + target;
        }

        var action = form.FirstOrDefault(p => p.StartsWith("Action=", StringComparison.Ordinal));
        return "query:" + (action?["Action=".Length..] ?? "?");
    }

    /// <summary>The Query API's parameters, from the body and the query string; read once per request.</summary>
    private static string[] FormOf(HttpRequest request, byte[] body) =>
        (Encoding.UTF8.GetString(body) + "&" + request.QueryString.Value?.TrimStart('?')).Split('&');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
