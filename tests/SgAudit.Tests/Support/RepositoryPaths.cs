using System.Runtime.CompilerServices;

namespace SgAudit.Tests.Support;

/// <summary>
/// Finds the repository (fixtures, approved files, README) and the shared folder beside it (acceptance sample, SARIF
/// schema). Build output may live anywhere (--artifacts-path), so the search starts from the test binaries, the
/// working directory and this source file.
/// </summary>
internal static class RepositoryPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// <c>shared/&lt;relativePath&gt;</c> in the nearest folder above the repository that has it (a newer shared copy
    /// beside the clone), else the copy vendored in <c>tests/shared/</c>, or null.
    /// </summary>
    public static string? FindShared(string relativePath)
    {
        for (var directory = new DirectoryInfo(RepositoryRoot).Parent; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        var vendored = Path.Combine(RepositoryRoot, "tests", "shared", relativePath);
        return File.Exists(vendored) || Directory.Exists(vendored) ? vendored : null;
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SgAudit.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No SgAudit.sln above {string.Join(" or ", starts)}: run the tests from a clone of the repository.");
    }
}
