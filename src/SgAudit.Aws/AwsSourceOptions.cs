using System.Collections.Immutable;
using System.Text;

namespace SgAudit.Aws;

/// <summary>
/// How to reach AWS: which credentials, which accounts (the caller's own, <c>--role-arn</c> roles, or
/// <c>--accounts FILE --role-name NAME</c>), where to send calls, and how patiently. Holds no secrets; the external
/// id is masked in <see cref="ToString"/> all the same.
/// </summary>
public sealed record AwsSourceOptions
{
    /// <summary>A named profile from ~/.aws/credentials or ~/.aws/config; null uses the default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Sends every call (EC2, CloudTrail, STS) here instead of the public endpoints, e.g. a local moto_server.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Roles to assume, one account each (<c>--role-arn ARN,…</c>).</summary>
    public ImmutableArray<string> RoleArns { get; init; } = [];

    /// <summary>A file of account ids (see docs/live-aws.md); each is read through <see cref="RoleName"/>.</summary>
    public string? AccountsFile { get; init; }

    /// <summary>The role to assume in each account of <see cref="AccountsFile"/> (a name, optionally with a path).</summary>
    public string? RoleName { get; init; }

    /// <summary>The external id the roles' trust policies require, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Region for account-wide calls (DescribeRegions, STS); null uses AWS_REGION, the profile's region, or us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>One attempt of one call, from sending to the last byte.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a throttled, failed (5xx), timed-out or dropped attempt; 0 disables retrying.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First backoff delay; it doubles per retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>LookupEvents per second per account and region; CloudTrail throttles above 2.</summary>
    public double LookupEventsPerSecond { get; init; } = 2;

    /// <summary>How many roles are assumed at once while the targets are set up.</summary>
    public int RoleConcurrency { get; init; } = 8;

    /// <summary>The session name assumed roles show in the target accounts' CloudTrail.</summary>
    public string RoleSessionName { get; init; } = "sgaudit";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Profile = ").Append(Profile)
            .Append(", EndpointUrl = ").Append(EndpointUrl)
            .Append(", RoleArns = [").AppendJoin(", ", RoleArns.IsDefault ? [] : RoleArns).Append(']')
            .Append(", AccountsFile = ").Append(AccountsFile)
            .Append(", RoleName = ").Append(RoleName)
            .Append(", ExternalId = ").Append(ExternalId is null ? "" : "***")
            .Append(", Region = ").Append(Region)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", MaxRetries = ").Append(MaxRetries);
        return true;
    }
}
