using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace SgAudit.Aws.Credentials;

/// <summary>
/// The caller's own credentials: a named profile (<c>--profile</c>), else the SDK's default chain (environment,
/// web identity, profile, container, instance metadata). Failures become <see cref="AwsSetupException"/>; the SDK's
/// messages name sources and files, never key material.
/// </summary>
internal static class AwsCredentialsResolver
{
    /// <summary>The profile's credentials, or the default chain's. <c>profilesLocation</c> is a credentials file to read profiles from (tests); null reads the SDK's usual files.</summary>
    public static async Task<AWSCredentials> ResolveAsync(string? profile, string? profilesLocation, CancellationToken cancellationToken)
    {
        if (profile is not null)
        {
            var chain = profilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profilesLocation);
            try
            {
                return chain.TryGetAWSCredentials(profile, out var credentials)
                    ? credentials
                    : throw new AwsSetupException($"The AWS profile '{profile}' was not found in the shared credentials or config file.");
            }
            catch (AmazonClientException ex)
            {
                throw new AwsSetupException($"The AWS profile '{profile}' cannot be used: {ex.Message}", ex);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // The static resolver: an instance would dispose, on its own disposal, credentials it handed out.
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null);
        }
        catch (AmazonClientException ex)
        {
            // The SDK lists each source's failure on its own line; the CLI prints errors as one line.
            var reasons = string.Join(' ', ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            throw new AwsSetupException("No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, use --profile, or run where a role is available. " + reasons, ex);
        }
    }
}
