namespace SgAudit.Aws.Http;

/// <summary>Timeouts, retries and rate limits of the HTTP pipeline. Tests shorten the delays; the defaults suit real AWS.</summary>
internal sealed record AwsTransportSettings
{
    /// <summary>One attempt, from sending to the last byte of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt; 0 disables retrying.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First backoff delay; it doubles per retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>LookupEvents per second per account and region (CloudTrail allows 2).</summary>
    public double LookupEventsPerSecond { get; init; } = 2;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
