namespace SgAudit.Tests.GitHub;

/// <summary>Models for the action and diff tests: the documented model example and variants of it.</summary>
internal static class GitHubFixtures
{
    public static string ModelExample => File.ReadAllText(Path.Combine(GitHubFiles.Root, "tests", "SgAudit.Tests", "Collectors", "Fixtures", "model-example.yaml"));

    /// <summary>The example with web-sg's SSH rule moved to RDP: the port 22 findings are fixed, port 3389 ones new.</summary>
    public static string SshMovedToRdp => Replace(ModelExample, "FromPort: 22\n                ToPort: 22", "FromPort: 3389\n                ToPort: 3389");

    /// <summary>The example with its only region unreadable (UnauthorizedOperation): nothing assessed, exit 3.</summary>
    public static string RegionUnreadable => Replace(ModelExample, "      - name: us-east-1\n", "      - name: us-east-1\n        error: {code: UnauthorizedOperation}\n");

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }
}
