using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using SgAudit.Aws;
using SgAudit.Aws.Accounts;
using SgAudit.Collectors;
using SgAudit.Core.Model;

namespace SgAudit.Tests.Aws;

/// <summary>
/// STS refusing AssumeRole and GetCallerIdentity, served by a local listener that answers every request with STS's
/// AccessDenied error (moto never refuses a role).
/// </summary>
public sealed class StsDenialTests : IDisposable
{
    private const string Secret = "denial-test/secret+key";
    private const string DeniedBody = """<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/Denied</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _requests;

    public StsDenialTests()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    private Uri Endpoint { get; }

    [Fact]
    public async Task Should_ReportTheAccountNotAssessedWithStsCode_When_ItsRoleCannotBeAssumed()
    {
        // Given a role STS refuses to let the scanner assume
        var options = new AwsSourceOptions { EndpointUrl = Endpoint, RoleArns = ["arn:aws:iam::333333333333:role/Denied"], MaxRetries = 0 };

        // When the targets are set up and collected
        using var source = await CreateAsync(options);
        var inventory = await new InventoryCollector(new CollectionOptions()).CollectAsync(source.Targets, CancellationToken.None);

        // Then the scan goes on, and the account is not assessed with STS's code
        var target = Assert.Single(source.Targets);
        Assert.Equal("333333333333", target.AccountId);
        var failure = Assert.Single(source.Failures);
        Assert.Equal(("333333333333", "arn:aws:iam::333333333333:role/Denied", "AccessDenied"), (failure.AccountId, failure.RoleArn, failure.ErrorCode));
        var scope = Assert.Single(inventory.NotAssessed);
        Assert.Equal(new NotAssessedScope("333333333333", null, "AccessDenied", failure.ErrorMessage), scope);
        Assert.Contains("is not authorized to perform: sts:AssumeRole", scope.Message, StringComparison.Ordinal);
        Assert.Empty(inventory.Regions);
        Assert.Equal(1, Volatile.Read(ref _requests)); // AssumeRole only: AccessDenied is not retried
        await Assert.ThrowsAsync<AwsApiException>(() => target.CloudTrail!.DescribeTrailsAsync("us-east-1", CancellationToken.None));
        Assert.DoesNotContain(Secret, target.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailSetup_When_TheCallersOwnIdentityIsRefused()
    {
        var options = new AwsSourceOptions { EndpointUrl = Endpoint, MaxRetries = 0 };

        var error = await Assert.ThrowsAsync<AwsSetupException>(() => CreateAsync(options));

        Assert.StartsWith("The AWS credentials cannot be used: sts:GetCallerIdentity failed with AccessDenied: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener was closed under a pending accept
        }
    }

    private static Task<AwsSource> CreateAsync(AwsSourceOptions options) =>
        AwsTargetFactory.CreateAsync(options, "us-east-1", RoleTargets.From(options, "aws"), new BasicAWSCredentials("AKIDDENIAL", Secret), new SocketsHttpHandler(), AwsTargetFactory.TransportSettings(options), CancellationToken.None);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var body = Encoding.UTF8.GetBytes(DeniedBody);
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/xml";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
