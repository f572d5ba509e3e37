using System.Reflection;

namespace SgAudit.Cli;

/// <summary>The tool's name and version as reports and --version show them.</summary>
public static class ToolInfo
{
    public const string Name = "SgAudit";

    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
