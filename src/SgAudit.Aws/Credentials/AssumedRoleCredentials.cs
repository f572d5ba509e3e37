using Amazon.Runtime;
using Amazon.SecurityToken.Model;

namespace SgAudit.Aws.Credentials;

/// <summary>
/// Credentials of an assumed role that renew themselves before they expire. The SDK's AssumeRoleAWSCredentials
/// takes no STS configuration (its endpoint follows AWS_ENDPOINT_URL_STS only), so it could not honour
/// <c>--endpoint-url</c>; this one asks the STS client <see cref="StsClientFactory"/> builds. Its ToString is the
/// role ARN, never key material.
/// </summary>
internal sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly AWSCredentials _source;
    private readonly StsClientFactory _sts;
    private readonly string _roleArn;
    private readonly string _sessionName;
    private readonly string? _externalId;
    private readonly ApiCallCounter _counter;

    public AssumedRoleCredentials(AWSCredentials source, StsClientFactory sts, string roleArn, string sessionName, string? externalId, ApiCallCounter counter)
    {
        _source = source;
        _sts = sts;
        _roleArn = roleArn;
        _sessionName = sessionName;
        _externalId = externalId;
        _counter = counter;
        PreemptExpiryTime = TimeSpan.FromMinutes(5); // renew well before a long scan's calls would fail
    }

    public override string ToString() => $"AssumedRoleCredentials({_roleArn})";

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        _counter.RecordCall("sts:AssumeRole");
        using var client = _sts.Create(_source);
        AssumeRoleResponse response;
        try
        {
            response = await client.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = _roleArn,
                RoleSessionName = _sessionName,
                ExternalId = _externalId,
            });
        }
        catch (Exception ex) when (StsErrors.IsStsFailure(ex) || ex is AmazonServiceException)
        {
            throw StsErrors.ToAwsApiException(ex, $"sts:AssumeRole on {_roleArn}");
        }

        var credentials = response.Credentials;
        return new CredentialsRefreshState(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            (credentials.Expiration ?? DateTime.MinValue).ToUniversalTime());
    }
}
