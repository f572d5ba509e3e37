using SgAudit.Tests.Support;

namespace SgAudit.Tests.GitHub;

/// <summary>Runs a repository shell script with bash in a given working directory, as a workflow step would.</summary>
internal static class BashScript
{
    public static Task<CliRunResult> RunAsync(string workingDirectory, string script, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ExternalProcess.RunAsync("bash", ["-c", "cd \"$1\" && shift && exec bash \"$@\"", "bash", workingDirectory, script, .. args], environment);

    /// <summary>The name=value lines a step appended to $GITHUB_OUTPUT (the last value of a name wins, as on GitHub).</summary>
    public static Dictionary<string, string> ReadOutputs(string path)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return outputs;
        }

        foreach (var line in File.ReadAllLines(path).Where(l => l.Contains('=', StringComparison.Ordinal)))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            outputs[line[..separator]] = line[(separator + 1)..];
        }

        return outputs;
    }
}
