using SgAudit.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>Runs the real command line in process (as Program.cs does) and captures exit code, stdout and stderr.</summary>
internal static class CliRunner
{
    /// <summary>The instant every run's clock reads unless a test sets another (the demo account's CloudTrail assumes it).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static Task<CliRun> RunAsync(params string[] args) => RunAtAsync(Now, args);

    /// <summary>Runs with the clock at <paramref name="now"/> (e.g. past a suppression's expiry).</summary>
    public static async Task<CliRun> RunAtAsync(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new CliApp(output, error, new FixedTimeProvider(now)).RunAsync(args, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
