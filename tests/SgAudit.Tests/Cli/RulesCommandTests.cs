using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Rules;

namespace SgAudit.Tests.Cli;

public sealed class RulesCommandTests
{
    [Fact]
    public async Task Should_MatchTheReadmeTable_When_TheCatalogueIsPrintedAsMarkdown()
    {
        // Given the README's generated rules table
        var readme = File.ReadAllText(Path.Combine(RuleTestHarness.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        const string start = "<!-- rules:start -->\n";
        const string end = "<!-- rules:end -->";
        var from = readme.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var table = readme[from..readme.IndexOf(end, StringComparison.Ordinal)];

        // When the catalogue is printed as Markdown
        var run = await CliRunner.RunAsync("rules", "--format", "markdown");

        // Then the README is current (regenerate with: sgaudit rules --format markdown)
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(run.Output, table);
    }

    [Fact]
    public async Task Should_ListEveryRuleWithVersionedControls_When_TheCatalogueIsPrintedAsJson()
    {
        var run = await CliRunner.RunAsync("rules", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal([.. Enumerable.Range(1, 16).Select(i => $"SGA{i:000}")], rules.Select(r => r.GetProperty("id").GetString()!).ToArray());
        var sga001 = rules[0].GetProperty("controls").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("CIS AWS Foundations v3.0.0 5.2", sga001);
        Assert.Contains("CIS AWS Foundations v5.0.0 5.3", sga001);
    }

    [Fact]
    public async Task Should_PrintATable_When_NoFormatIsGiven()
    {
        var run = await CliRunner.RunAsync("rules");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("SGA010", run.Output, StringComparison.Ordinal);
    }
}
