using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;

namespace SgAudit.Aws.Credentials;

/// <summary>
/// STS clients that go where every other call goes: the endpoint override when one is set (so a local emulator
/// also answers AssumeRole and GetCallerIdentity), else the regional STS endpoint (or AWS_ENDPOINT_URL_STS, which
/// the SDK reads itself).
/// </summary>
internal sealed class StsClientFactory(Uri? endpointOverride, string region, TimeSpan timeout, int maxRetries)
{
    public AmazonSecurityTokenServiceClient Create(AWSCredentials credentials)
    {
        var config = new AmazonSecurityTokenServiceConfig { Timeout = timeout, MaxErrorRetry = maxRetries };
        if (endpointOverride is not null)
        {
            config.ServiceURL = endpointOverride.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonSecurityTokenServiceClient(credentials, config);
    }
}
