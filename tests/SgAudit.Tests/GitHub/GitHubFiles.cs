using SgAudit.Tests.Support;

namespace SgAudit.Tests.GitHub;

/// <summary>The repository's GitHub workflows and its composite action.</summary>
internal static class GitHubFiles
{
    public static string Root => RepositoryPaths.RepositoryRoot;

    public static IReadOnlyList<GitHubYamlFile> Workflows() =>
        [.. Directory.GetFiles(Path.Combine(Root, ".github", "workflows"))
            .Where(p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => GitHubYamlFile.Load(Root, Path.GetRelativePath(Root, p).Replace('\\', '/')))];

    public static GitHubYamlFile Action() => GitHubYamlFile.Load(Root, "action.yml");

    public static IReadOnlyList<GitHubYamlFile> All() => [.. Workflows(), Action()];

    public static string ActionScanScript => Path.Combine(Root, ".github", "scripts", "action-scan.sh");
}
