using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SgAudit.Aws.Http;

/// <summary>
/// Runs each request through a Polly retry pipeline. It sits above the signing handler, so every attempt is a fresh
/// copy of the request that is signed again (a new X-Amz-Date), and it reads the whole body inside the attempt, so a
/// connection dropped mid-body or a cut-off document is retried like a 5xx. Each attempt has its own timeout; the
/// caller's cancellation ends the call at once, without retrying. Requests with a rate-limit key wait for their slot
/// before each attempt, outside the attempt's timeout.
/// </summary>
internal sealed class AwsResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly RequestSpacer? _spacer;

    public AwsResilienceHandler(AwsTransportSettings settings, ApiCallCounter counter, RequestSpacer? spacer)
    {
        _spacer = spacer;
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = settings.TimeProvider }
            .AddTimeout(settings.RequestTimeout)
            .Build();

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = settings.TimeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    counter.RecordRetry(args.Context.Properties.GetValue(OperationKey, "unknown"));
                    (args.Outcome.Exception as RetryableResponseException)?.Response.Dispose();
                    return default;
                },
            });
        }

        _retry = builder.Build();
    }

    private static ResiliencePropertyKey<string> OperationKey { get; } = new("SgAudit.Aws.Operation");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var template = await RequestTemplate.CaptureAsync(request, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, AwsRequestOptions.Describe(request));
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _retry.ExecuteOutcomeAsync(static (ctx, state) => state.Self.AttemptAsync(state.Template, ctx.CancellationToken), context, (Self: this, Template: template));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is RetryableResponseException last)
        {
            return last.Response; // out of retries: the last answer is the error to report
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    private static bool IsTransient(Exception? exception) => exception switch
    {
        // A failed TLS handshake (a bad certificate, an intercepting proxy) would fail the same way again.
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        RetryableResponseException or TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false, // OperationCanceledException is the caller's Ctrl+C: never retried
    };

    /// <summary>One attempt; never throws, as ExecuteOutcomeAsync requires: failures come back as the outcome.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(RequestTemplate template, CancellationToken cancellationToken)
    {
        try
        {
            return await AttemptOrThrowAsync(template, cancellationToken);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private async Task<Outcome<HttpResponseMessage>> AttemptOrThrowAsync(RequestTemplate template, CancellationToken cancellationToken)
    {
        if (_spacer is not null && template.RateLimitKey is { } key)
        {
            await _spacer.WaitAsync(key, cancellationToken);
        }

        var response = await _attemptTimeout.ExecuteAsync(
            static async (state, ct) =>
            {
                using var attempt = state.Template.Create();
                return await state.Self.SendOnceAsync(attempt, ct);
            },
            (Self: this, Template: template),
            cancellationToken);

        string? reason;
        try
        {
            reason = await RetryReasonAsync(response, template.Format, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return reason is null
            ? Outcome.FromResult(response)
            : Outcome.FromException<HttpResponseMessage>(new RetryableResponseException(response, reason));
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage attempt, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(attempt, cancellationToken);
        try
        {
            // Inside the attempt: a connection that drops mid-body throws here and is retried.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<string?> RetryReasonAsync(HttpResponseMessage response, ResponseFormat format, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken); // already buffered: no I/O
        if (response.IsSuccessStatusCode)
        {
            return ResponseBodyCheck.IsComplete(body, format) ? null : "the answer ended before the document did";
        }

        var error = AwsErrorParser.Parse(response.StatusCode, response.Headers, body, format);
        return AwsRetryPolicy.IsRetryable(response.StatusCode, error.Code) ? error.Code : null;
    }
}
