using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SgAudit.Cli;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Live;

/// <summary>
/// `--profile` with an IAM Identity Center (SSO) profile: the SDK reads the cached SSO token, asks the SSO portal (a
/// loopback fake here) for role credentials, and the scan runs with them.
/// </summary>
public sealed class SsoProfileTests
{
    [Fact]
    public async Task Should_ScanWithTheRoleCredentials_When_TheProfileIsAnSsoProfile()
    {
        // Given a config with an SSO profile, a cached SSO token, a fake SSO portal and the served demo
        using var home = new ScratchDirectory();
        await using var portal = await StartPortalAsync();
        await using var server = await SgAudit.Emulator.EmulatorServer.StartAsync(
            new SgAudit.Emulator.EmulatorServerOptions { Model = ModelSource.LoadDemo().Document, Faults = SgAudit.Emulator.FaultInjection.None, CloudTrailApiFactory = a => new EmulatedCloudTrailApi(a) },
            CancellationToken.None);
        var config = home.Write(".aws/config", """
            [profile audit]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = SecurityAudit
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """);
#pragma warning disable CA5350 // The SDK names its SSO token cache by the SHA-1 of the session name; not a security use.
        var cacheName = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("corp")));
#pragma warning restore CA5350
        home.Write($".aws/sso/cache/{cacheName}.json", $$"""
            {"startUrl":"https://corp.awsapps.com/start","region":"us-east-1","accessToken":"sso-bearer-token","expiresAt":"{{TimeProvider.System.GetUtcNow().AddHours(8):yyyy-MM-ddTHH:mm:ssZ}}"}
            """);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_ACCESS_KEY_ID"] = "",
            ["AWS_SECRET_ACCESS_KEY"] = "",
            ["AWS_ENDPOINT_URL_SSO"] = portal.Endpoint,
        };

        // When the demo is scanned live with that profile
        var run = await ExternalProcess.RunAsync("dotnet", [ExternalProcess.SgAuditDll, "scan", "--source", "aws", "--profile", "audit", "--endpoint-url", server.Endpoint.ToString(),
            "--region", "us-east-1", "--format", "json", "--fail-on", "none", "--no-attribution", "--out", home.Resolve("out")], environment);

        // Then the portal was asked with the cached token, and the scan read the account
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Output);
        Assert.Equal("sso-bearer-token", portal.BearerToken);
        Assert.Contains("account_id=123456789012", portal.Query, StringComparison.Ordinal);
        Assert.Contains("\"securityGroups\":", home.Read("out/report.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("SSOSECRET", run.Output + run.Error + home.Read("out/report.json"), StringComparison.Ordinal);
    }

    private static async Task<FakeSsoPortal> StartPortalAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var portal = new FakeSsoPortal(app);
        app.MapGet("/federation/credentials", (HttpContext context) =>
        {
            portal.BearerToken = context.Request.Headers["x-amz-sso_bearer_token"].ToString();
            portal.Query = context.Request.QueryString.Value ?? "";
            var expiration = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds();
            var body = """{"roleCredentials":{"accessKeyId":"ASIASSOTESTKEY000001","secretAccessKey":"SSOSECRET","sessionToken":"SSOSESSION","expiration":EXPIRATION}}""";
            return Results.Text(body.Replace("EXPIRATION", expiration.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "application/json");
        });
        await app.StartAsync();
        portal.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return portal;
    }

    /// <summary>The fake portal and what it was asked.</summary>
    private sealed class FakeSsoPortal(WebApplication app) : IAsyncDisposable
    {
        public string Endpoint { get; set; } = "";
        public string BearerToken { get; set; } = "";
        public string Query { get; set; } = "";

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
