using SgAudit.Cli;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>Runs the real command line in process (as Program.cs does) and captures exit code, stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        var exitCode = await new CliApp(output, error, clock).RunAsync(args, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
