using Amazon.Runtime;
using SgAudit.Aws;
using SgAudit.Aws.CloudTrail;
using SgAudit.Aws.Ec2;
using SgAudit.Aws.Http;

namespace SgAudit.Tests.Aws;

/// <summary>EC2 and CloudTrail clients over the real handler chain (retry, counting, signing) ending in a test transport.</summary>
internal sealed class AwsTestClients : IDisposable
{
    public const string AccessKey = "AKIDSGAUDITTEST";
    public const string SecretKey = "sgaudit/secret+key/NEVER-in-messages";

    /// <summary>Fast retries for tests: no backoff, a short attempt timeout.</summary>
    public static readonly AwsTransportSettings FastSettings = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(1), // long enough for a loaded CI machine, short for the hang tests
        MaxRetries = 4,
        RetryBaseDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.Zero,
        LookupEventsPerSecond = 1000,
    };

    private readonly HttpClient _http;

    public AwsTestClients(HttpMessageHandler transport, AwsTransportSettings? settings = null, Uri? endpoint = null, string accountId = "123456789012")
    {
        Settings = settings ?? FastSettings;
        _http = AwsHttpClientFactory.Create(new BasicAWSCredentials(AccessKey, SecretKey), Settings, Counter, new RequestSpacer(Settings.LookupEventsPerSecond, Settings.TimeProvider), transport);
        Ec2 = new Ec2QueryClient(_http, Settings, endpoint, "us-east-1");
        CloudTrail = new CloudTrailClient(_http, Settings, endpoint, accountId);
    }

    public AwsTransportSettings Settings { get; }

    public ApiCallCounter Counter { get; } = new();

    public Ec2QueryClient Ec2 { get; }

    public CloudTrailClient CloudTrail { get; }

    public void Dispose() => _http.Dispose();
}
