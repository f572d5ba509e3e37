using System.Diagnostics;

namespace SgAudit.Tests.Support;

/// <summary>
/// Runs a program the way a user or CI would: sgaudit itself (the built CLI beside the tests) or the aws CLI, with
/// fake credentials and none of the developer's AWS settings, so nothing can reach a real AWS endpoint.
/// </summary>
internal static class ExternalProcess
{
    public static string SgAuditDll => Path.Combine(AppContext.BaseDirectory, "sgaudit.dll");

    public static Task<CliRunResult> SgAuditAsync(params string[] args) => RunAsync("dotnet", [SgAuditDll, .. args], null);

    public static async Task<CliRunResult> RunAsync(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? "" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        FakeAwsEnvironment.Apply(start);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time; stderr: {await error}");
        }

        return new CliRunResult(process.ExitCode, await output, await error);
    }
}
