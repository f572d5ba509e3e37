using System.Runtime.CompilerServices;
using SgAudit.Collectors.Models;
using SgAudit.Core;
using SgAudit.Core.Engine;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Collectors;

/// <summary>
/// The complete example of docs/model.md is the fixture Fixtures/model-example.yaml: the page shows exactly that
/// file, the file loads, and it gives the results the page's table promises.
/// </summary>
public sealed class ModelExampleTests
{
    private const string StartMarker = "<!-- model-example:start -->";
    private const string EndMarker = "<!-- model-example:end -->";

    private static string FixturePath => Path.Combine(ThisDirectory(), "Fixtures", "model-example.yaml");

    private static string ModelDocPath => Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "..", "docs", "model.md"));

    [Fact]
    public void Should_ShowTheFixtureVerbatim_When_TheDocsExampleIsRead()
    {
        var page = File.ReadAllText(ModelDocPath).ReplaceLineEndings("\n");
        var start = page.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = page.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{ModelDocPath} has no {StartMarker} … {EndMarker} block");

        var block = page[(start + StartMarker.Length)..end].Trim('\n');
        Assert.StartsWith("```yaml\n", block, StringComparison.Ordinal);
        Assert.EndsWith("\n```", block, StringComparison.Ordinal);
        var example = block["```yaml\n".Length..^"\n```".Length] + "\n";
        Assert.Equal(File.ReadAllText(FixturePath).ReplaceLineEndings("\n"), example);
    }

    [Fact]
    public void Should_LoadOneOfEachResource_When_TheExampleFileIsRead()
    {
        var document = ModelFileReader.ReadFile(FixturePath);

        var account = Assert.Single(document.Accounts);
        Assert.Equal("111122223333", account.Id);
        Assert.Equal("example-account", account.Name);
        var region = Assert.Single(account.Regions);
        Assert.Equal("us-east-1", region.Name);
        Assert.Single(region.Vpcs!);
        Assert.Equal(["default", "web-sg"], region.SecurityGroups!.Select(g => g.GroupName));
        Assert.Single(region.NetworkInterfaces!);
        Assert.Single(region.NetworkAcls!);
    }

    [Fact]
    public async Task Should_GiveTheDocumentedResults_When_TheExampleIsScanned()
    {
        var document = ModelFileReader.ReadFile(FixturePath);
        var inventory = await ScanPipeline.CollectAsync(document);
        var evaluation = ScanPipeline.Evaluate(inventory, ScanPipeline.Rules());

        Assert.Empty(inventory.NotAssessed);
        Assert.Empty(evaluation.Gaps);
        Assert.Equal(
            [
                "acl-00718293a4b5c6d74 SGA010", "sg-0b2c3d4e5f6071829 SGA001", "sg-0b2c3d4e5f6071829 SGA004", "sg-0b2c3d4e5f6071829 SGA008",
                "sg-0b2c3d4e5f6071829 SGA011", "sg-0b2c3d4e5f6071829 SGA012",
            ],
            Describe(evaluation.Outcomes.Where(o => !o.Passed)));
        Assert.Equal(
            [
                "sg-0a1b2c3d4e5f60718 SGA001", "sg-0a1b2c3d4e5f60718 SGA002", "sg-0a1b2c3d4e5f60718 SGA003", "sg-0a1b2c3d4e5f60718 SGA004",
                "sg-0a1b2c3d4e5f60718 SGA005", "sg-0a1b2c3d4e5f60718 SGA007", "sg-0a1b2c3d4e5f60718 SGA008", "sg-0a1b2c3d4e5f60718 SGA009",
                "sg-0a1b2c3d4e5f60718 SGA011", "sg-0a1b2c3d4e5f60718 SGA012", "sg-0a1b2c3d4e5f60718 SGA013", "sg-0a1b2c3d4e5f60718 SGA014",
                "sg-0a1b2c3d4e5f60718 SGA015", "sg-0a1b2c3d4e5f60718 SGA016",
                "sg-0b2c3d4e5f6071829 SGA002", "sg-0b2c3d4e5f6071829 SGA005", "sg-0b2c3d4e5f6071829 SGA006", "sg-0b2c3d4e5f6071829 SGA007",
                "sg-0b2c3d4e5f6071829 SGA009", "sg-0b2c3d4e5f6071829 SGA013", "sg-0b2c3d4e5f6071829 SGA014", "sg-0b2c3d4e5f6071829 SGA015",
                "sg-0b2c3d4e5f6071829 SGA016",
            ],
            Describe(evaluation.Outcomes.Where(o => o.Passed)));
    }

    [Fact]
    public void Should_NameFileLineAndPath_When_AStructuralKeyIsMisspelt()
    {
        // The first example of docs/model.md "Validation and error messages".
        var file = Path.Combine(Path.GetTempPath(), $"sgaudit-model-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            version: 1
            accounts:
              - id: "123456789012"
                regions:
                  - name: us-east-1
                    SecurityGroup: []
            """);
        try
        {
            var error = Assert.Throws<InputException>(() => ModelFileReader.ReadFile(file));

            Assert.Equal($"{file}: line 6, $.accounts[0].regions[0].SecurityGroup: unknown key 'SecurityGroup'", error.Message);
            Assert.Contains("acme.yaml: line 6, $.accounts[0].regions[0].SecurityGroup: unknown key 'SecurityGroup'", File.ReadAllText(ModelDocPath), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> Describe(IEnumerable<ResourceOutcome> outcomes) =>
        [.. outcomes.Select(o => $"{o.ResourceId} {o.RuleId}").Order(StringComparer.Ordinal)];

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
