using SgAudit.Tests.Support;

namespace SgAudit.Tests.Reporting;

/// <summary>Where the reporting tests find their approved files and the official SARIF schema.</summary>
internal static class ReportTestPaths
{
    public const string SarifSchemaRelativePath = "schemas/sarif-schema-2.1.0.json";

    public static string RepositoryRoot => RepositoryPaths.RepositoryRoot;

    public static string ApprovedDirectory => Path.Combine(RepositoryRoot, "tests", "SgAudit.Tests", "Reporting", "Approved");

    /// <summary>The official SARIF 2.1.0 schema, from <c>shared/</c> beside the repository.</summary>
    public static string SarifSchema => RepositoryPaths.FindShared(SarifSchemaRelativePath)
        ?? throw new InvalidOperationException($"shared/{SarifSchemaRelativePath} was not found in any directory above the repository ({RepositoryRoot}); CI keeps shared/ beside the repository clone.");
}
