using System.Runtime.CompilerServices;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// Finds the repository (for approved files) and the shared folder (for the SARIF schema). Build output may live
/// anywhere (--artifacts-path), so the search starts from both the test binaries and this source file.
/// </summary>
internal static class ReportTestPaths
{
    public const string SarifSchemaRelativePath = "shared/schemas/sarif-schema-2.1.0.json";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ApprovedDirectory => Path.Combine(RepositoryRoot, "tests", "SgAudit.Tests", "Reporting", "Approved");

    /// <summary>The official SARIF 2.1.0 schema: in <c>shared/</c> beside the repository (CI), or any ancestor's <c>shared/</c>.</summary>
    public static string SarifSchema => FindSarifSchema();

    private static IEnumerable<DirectoryInfo> StartingPoints(string sourceFile)
    {
        yield return new DirectoryInfo(AppContext.BaseDirectory);
        if (Path.GetDirectoryName(sourceFile) is { Length: > 0 } sourceDirectory)
        {
            yield return new DirectoryInfo(sourceDirectory);
        }
    }

    private static IEnumerable<DirectoryInfo> SelfAndAncestors(DirectoryInfo? directory)
    {
        for (; directory is not null; directory = directory.Parent)
        {
            yield return directory;
        }
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "") =>
        StartingPoints(sourceFile).SelectMany(SelfAndAncestors)
            .FirstOrDefault(d => File.Exists(Path.Combine(d.FullName, "SgAudit.sln")))?.FullName
        ?? throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} or {sourceFile} contains SgAudit.sln.");

    private static string FindSarifSchema([CallerFilePath] string sourceFile = "") =>
        StartingPoints(sourceFile).Prepend(new DirectoryInfo(FindRepositoryRoot(sourceFile))).SelectMany(SelfAndAncestors)
            .Select(d => Path.Combine(d.FullName, SarifSchemaRelativePath))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{SarifSchemaRelativePath} was not found in any directory above the repository ({RepositoryRoot}); CI keeps shared/ beside the repository clone.");
}
