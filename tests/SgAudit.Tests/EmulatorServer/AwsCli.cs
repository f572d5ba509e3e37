using System.Diagnostics;
using System.Text.Json;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>Runs the real aws CLI (botocore validates every response against the service model) against a served emulator.</summary>
internal static class AwsCli
{
    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public static async Task<JsonElement> RunAsync(Uri endpoint, string region, IReadOnlyList<string> arguments, AwsCliCredentials? credentials = null)
    {
        var (exitCode, output, errors) = await ExecuteAsync(endpoint, region, arguments, credentials ?? AwsCliCredentials.Default);
        Assert.True(exitCode == 0, $"aws {string.Join(' ', arguments)} exited with {exitCode}: {errors}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    /// <summary>Runs a command expected to fail and returns its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Errors)> FailAsync(Uri endpoint, string region, IReadOnlyList<string> arguments)
    {
        var (exitCode, _, errors) = await ExecuteAsync(endpoint, region, arguments, AwsCliCredentials.Default);
        return (exitCode, errors);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> ExecuteAsync(Uri endpoint, string region, IReadOnlyList<string> arguments, AwsCliCredentials credentials)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Concat(["--endpoint-url", endpoint.ToString(), "--region", region, "--output", "json"]))
        {
            start.ArgumentList.Add(argument);
        }

        // Only these credentials: no profile or config file of whoever runs the tests, no metadata service, no retries.
        foreach (var name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_EC2", "AWS_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        if (credentials.SessionToken is not null)
        {
            start.Environment["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the aws CLI");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
