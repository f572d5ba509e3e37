using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using SgAudit.Collectors.Emulator;

namespace SgAudit.Emulator;

/// <summary>
/// Every HTTP request the server receives: tells the service apart (CloudTrail by X-Amz-Target, STS by the
/// credential scope's service or its actions, EC2 otherwise), counts it, applies the injected faults, picks the
/// account from the access key and the region from the credential scope, and writes the protocol's answer.
/// </summary>
internal sealed class EmulatorRequestHandler
{
    private readonly EmulatedAccounts _accounts;
    private readonly FaultInjection _faults;
    private readonly ThrottleSequence _throttle;
    private readonly StsQueryService _sts;
    private readonly CloudTrailJsonService _cloudTrail;

    public EmulatorRequestHandler(EmulatorServerOptions options)
    {
        _accounts = new EmulatedAccounts(options.Model, options.CloudTrailApiFactory);
        _faults = options.Faults;
        _throttle = new ThrottleSequence(options.Faults.ThrottleRate, options.Faults.Seed);
        _sts = new StsQueryService(_accounts, options.TimeProvider);
        _cloudTrail = new CloudTrailJsonService(options.TimeProvider);
    }

    public RequestCounters Requests { get; } = new();

    public RequestCounters Throttled { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        EmulatorRequest request;
        try
        {
            request = await ReadAsync(context.Request, requestId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
        {
            Requests.Add("(unreadable)");
            await WriteAsync(context.Response, requestId, ErrorResponses.Ec2(400, "MalformedQueryString", $"The request cannot be read: {error.Message}", requestId), cancellationToken).ConfigureAwait(false);
            return;
        }

        var service = ServiceOf(request);
        var action = (service == EmulatedService.CloudTrail ? CloudTrailJsonService.OperationOf(request.Target) : request.Parameter("Action")) ?? "(none)";
        Requests.Add(action);

        if (_faults.Latency > TimeSpan.Zero)
        {
            await DelayAtLeastAsync(_faults.Latency, cancellationToken).ConfigureAwait(false);
        }

        EmulatorResponse response;
        try
        {
            response = await AnswerAsync(request, service, action, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bug or a failing CloudTrail API must not tear the connection down: answer as the service would.
            response = Error(service, 500, "InternalError", $"The SgAudit emulator failed: {error.Message}", request.RequestId);
        }

        await WriteAsync(context.Response, requestId, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits no less than <paramref name="latency"/>: the runtime's timers tick on a millisecond clock and can wake
    /// up to a tick early, so the remainder is waited again until a high-resolution clock agrees.
    /// </summary>
    /// <param name="latency">The least time to wait.</param>
    /// <param name="cancellationToken">Stops the wait when the client goes away.</param>
    private static async Task DelayAtLeastAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var left = latency; left > TimeSpan.Zero; left = latency - Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpResponse http, string requestId, EmulatorResponse response, CancellationToken cancellationToken)
    {
        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        http.ContentLength = response.Body.Length;
        http.Headers["x-amzn-RequestId"] = requestId;
        await http.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EmulatorResponse> AnswerAsync(EmulatorRequest request, EmulatedService service, string action, CancellationToken cancellationToken)
    {
        if (service == EmulatedService.Sts)
        {
            // STS is never throttled: it only sets a client up, and the faults are there to exercise scans.
            return _sts.Handle(request);
        }

        if (_throttle.Next())
        {
            Throttled.Add(action);
            return service == EmulatedService.CloudTrail
                ? ErrorResponses.CloudTrail("ThrottlingException", "Rate exceeded")
                : ErrorResponses.Ec2(503, "RequestLimitExceeded", "Request limit exceeded.", request.RequestId);
        }

        if (_faults.RegionErrors.TryGetValue(request.Region, out var code))
        {
            var message = $"The emulator fails every call in {request.Region} (injected fault).";
            return Error(service, EmulatedEc2Api.HttpStatusFor(code), code, message, request.RequestId);
        }

        var account = _accounts.ForAccessKey(request.Scope?.AccessKeyId);
        if (service == EmulatedService.CloudTrail)
        {
            return await _cloudTrail.HandleAsync(request, account, cancellationToken).ConfigureAwait(false);
        }

        return account is null
            ? ErrorResponses.Ec2(401, "AuthFailure", "The model has no account to act in.", request.RequestId)
            : await Ec2QueryService.HandleAsync(request, account.Ec2, cancellationToken).ConfigureAwait(false);
    }

    private static EmulatorResponse Error(EmulatedService service, int status, string code, string message, string requestId) => service switch
    {
        EmulatedService.CloudTrail => ErrorResponses.CloudTrail(code, message, status >= 500 ? status : 400),
        EmulatedService.Sts => ErrorResponses.Sts(status, code, message, requestId),
        _ => ErrorResponses.Ec2(status, code, message, requestId),
    };

    private static EmulatedService ServiceOf(EmulatorRequest request)
    {
        if (!string.IsNullOrEmpty(request.Target) || request.Scope?.Service == "cloudtrail")
        {
            return EmulatedService.CloudTrail;
        }

        return request.Scope?.Service == "sts" || (request.Scope?.Service != "ec2" && StsQueryService.IsStsAction(request.Parameter("Action")))
            ? EmulatedService.Sts
            : EmulatedService.Ec2;
    }

    private static async Task<EmulatorRequest> ReadAsync(HttpRequest http, string requestId, CancellationToken cancellationToken)
    {
        var parameters = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in http.Query)
        {
            parameters[name] = values.ToString();
        }

        var body = ReadOnlyMemory<byte>.Empty;
        if (http.HasFormContentType)
        {
            // A form body (the Query protocol's POST) wins over the query string, as on AWS.
            foreach (var (name, values) in await http.ReadFormAsync(cancellationToken).ConfigureAwait(false))
            {
                parameters[name] = values.ToString();
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await http.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var scope = CredentialScope.FromAuthorizationHeader(http.Headers.Authorization.ToString())
            ?? CredentialScope.FromCredential(parameters.GetValueOrDefault("X-Amz-Credential"));
        var target = http.Headers["X-Amz-Target"].ToString();
        return new EmulatorRequest(parameters.ToImmutable(), string.IsNullOrEmpty(target) ? null : target, body, scope, requestId);
    }
}
