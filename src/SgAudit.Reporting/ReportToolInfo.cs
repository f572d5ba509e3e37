using System.Reflection;

namespace SgAudit.Reporting;

/// <summary>How reports name the tool.</summary>
public static class ReportToolInfo
{
    public const string Name = "SgAudit";

    /// <summary>
    /// Where SARIF consumers send users for more about the tool (<c>tool.driver.informationUri</c>): the build's
    /// PackageProjectUrl, or empty (and then omitted) rather than a guessed address.
    /// </summary>
    public static string InformationUri { get; } =
        typeof(ReportToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProjectUrl")?.Value ?? "";
}
