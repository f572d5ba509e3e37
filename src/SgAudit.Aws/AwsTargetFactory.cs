using System.Collections.Immutable;
using Amazon;
using Amazon.Runtime;
using SgAudit.Aws.Accounts;
using SgAudit.Aws.CloudTrail;
using SgAudit.Aws.Credentials;
using SgAudit.Aws.Ec2;
using SgAudit.Aws.Http;
using SgAudit.Collectors;
using SgAudit.Core;

namespace SgAudit.Aws;

/// <summary>
/// The entry point of the live source: resolves credentials, assumes the roles, asks STS who each account is, and
/// builds an <see cref="AccountTarget"/> per account whose EC2 and CloudTrail clients share one connection pool, one
/// call counter and one LookupEvents rate limiter.
/// </summary>
public static class AwsTargetFactory
{
    /// <summary>Sets up every account the options name; the caller disposes the result after the scan.</summary>
    /// <exception cref="InputException">Malformed options: a bad role ARN or name, a bad accounts file, a bad endpoint.</exception>
    /// <exception cref="AwsSetupException">No usable credentials, or the caller's own identity cannot be read.</exception>
    public static async Task<AwsSource> CreateAsync(AwsSourceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateEndpoint(options.EndpointUrl);
        var region = HomeRegion(options);
        var roles = RoleTargets.From(options, RoleTargets.PartitionOf(region)); // input errors before any network call
        var credentials = await AwsCredentialsResolver.ResolveAsync(options.Profile, profilesLocation: null, cancellationToken);
        var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return await CreateAsync(options, region, roles, credentials, transport, TransportSettings(options), cancellationToken);
    }

    internal static AwsTransportSettings TransportSettings(AwsSourceOptions options) => new()
    {
        RequestTimeout = options.RequestTimeout,
        MaxRetries = options.MaxRetries,
        RetryBaseDelay = options.RetryBaseDelay,
        MaxRetryDelay = options.MaxRetryDelay,
        LookupEventsPerSecond = options.LookupEventsPerSecond,
    };

    /// <summary>The seam tests use: given credentials, a transport (owned and disposed by the result) and settings.</summary>
    internal static async Task<AwsSource> CreateAsync(
        AwsSourceOptions options,
        string region,
        ImmutableArray<RoleTarget> roles,
        AWSCredentials credentials,
        HttpMessageHandler transport,
        AwsTransportSettings settings,
        CancellationToken cancellationToken)
    {
        var counter = new ApiCallCounter();
        var spacer = new RequestSpacer(settings.LookupEventsPerSecond, settings.TimeProvider);
        var sts = new StsClientFactory(options.EndpointUrl, region, settings.RequestTimeout, settings.MaxRetries);
        var clients = new List<IDisposable>();
        try
        {
            AccountTarget Build(string accountId, AWSCredentials accountCredentials, string? displayName)
            {
                var http = AwsHttpClientFactory.Create(accountCredentials, settings, counter, spacer, transport);
                lock (clients)
                {
                    clients.Add(http);
                }

                return new AccountTarget(accountId, new Ec2QueryClient(http, settings, options.EndpointUrl, region))
                {
                    DisplayName = displayName,
                    CloudTrail = new CloudTrailClient(http, settings, options.EndpointUrl, accountId),
                };
            }

            ImmutableArray<AccountTarget> targets;
            var failures = ImmutableArray.CreateBuilder<AwsAccountFailure>();
            if (roles.IsEmpty)
            {
                string account;
                try
                {
                    account = await CallerAccountAsync(sts, credentials, counter, cancellationToken);
                }
                catch (AwsApiException ex)
                {
                    throw new AwsSetupException($"The AWS credentials cannot be used: sts:GetCallerIdentity failed with {ex.ErrorCode}: {ex.ErrorMessage}", ex);
                }

                targets = [Build(account, credentials, null)];
            }
            else
            {
                var results = new (AccountTarget Target, AwsAccountFailure? Failure)[roles.Length];
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, roles.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.RoleConcurrency), CancellationToken = cancellationToken },
                    async (index, ct) =>
                    {
                        var role = roles[index];
                        var assumed = new AssumedRoleCredentials(credentials, sts, role.RoleArn, options.RoleSessionName, options.ExternalId, counter);
                        try
                        {
                            var account = await CallerAccountAsync(sts, assumed, counter, ct);
                            results[index] = (Build(account, assumed, role.DisplayName), null);
                            lock (clients)
                            {
                                clients.Add(assumed);
                            }
                        }
                        catch (AwsApiException ex)
                        {
                            assumed.Dispose();
                            var failed = new FailedAccountApi(ex);
                            results[index] = (new AccountTarget(role.AccountId, failed) { DisplayName = role.DisplayName, CloudTrail = failed },
                                new AwsAccountFailure(role.AccountId, role.RoleArn, ex.ErrorCode, ex.ErrorMessage));
                        }
                    });
                targets = [.. results.Select(r => r.Target)];
                failures.AddRange(results.Select(r => r.Failure).OfType<AwsAccountFailure>());
            }

            clients.Add(transport);
            return new AwsSource(targets, failures.ToImmutable(), counter, [.. clients]);
        }
        catch
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            transport.Dispose();
            throw;
        }
    }

    private static async Task<string> CallerAccountAsync(StsClientFactory sts, AWSCredentials credentials, ApiCallCounter counter, CancellationToken cancellationToken)
    {
        counter.RecordCall("sts:GetCallerIdentity");
        using var client = sts.Create(credentials);
        try
        {
            var identity = await client.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest(), cancellationToken);
            return identity.Account;
        }
        catch (Exception ex) when (StsErrors.IsStsFailure(ex) || ex is AmazonServiceException)
        {
            throw StsErrors.ToAwsApiException(ex, "sts:GetCallerIdentity");
        }
    }

    private static string HomeRegion(AwsSourceOptions options) =>
        options.Region ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName ?? RegionEndpoint.USEast1.SystemName;

    private static void ValidateEndpoint(Uri? endpoint)
    {
        if (endpoint is not null && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InputException("--endpoint-url", null, $"'{endpoint}' is not an http:// or https:// URL");
        }
    }
}
