using System.Runtime.CompilerServices;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;
using SgAudit.Core.CloudTrail;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Collectors.CloudTrail;

/// <summary>The CloudTrail example of docs/model.md is Fixtures/model-cloudtrail-example.yaml and gives the results the page states.</summary>
public sealed class CloudTrailModelExampleTests
{
    private const string StartMarker = "<!-- model-cloudtrail-example:start -->";
    private const string EndMarker = "<!-- model-cloudtrail-example:end -->";

    private static string FixturePath => Path.Combine(ThisDirectory(), "..", "Fixtures", "model-cloudtrail-example.yaml");

    private static string ModelDocPath => Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "..", "..", "docs", "model.md"));

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
        Assert.Equal(File.ReadAllText(FixturePath).ReplaceLineEndings("\n"), block["```yaml\n".Length..^"\n```".Length] + "\n");
    }

    [Fact]
    public async Task Should_GiveTheDocumentedPostureAndLastChange_When_ScannedOn20261122()
    {
        // Given the example and the date the page assumes
        var document = ModelFileReader.ReadFile(FixturePath);
        var inventory = await ScanPipeline.CollectAsync(document);
        var evaluation = ScanPipeline.Evaluate(inventory, ScanPipeline.Rules());
        var targets = CloudTrailTarget.From(new EmbeddedEmulator(document).Accounts);
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

        // When trail posture and attribution run
        var posture = Assert.Single(await new TrailPostureCollector().CollectAsync(targets, inventory, CancellationToken.None));
        var attribution = Assert.Single(await new ChangeAttributionCollector(new AttributionOptions(), clock).CollectAsync(targets, evaluation.Findings, CancellationToken.None));

        // Then org-trail is logging, and alice's ingress change (newer than the creation) is the last change
        Assert.Equal((TrailPostureStatus.Logging, "org-trail"), (posture.Status, posture.TrailName));
        Assert.Equal(
            new GroupChange("111122223333", "us-east-1", "sg-0b2c3d4e5f6071829", "AuthorizeSecurityGroupIngress", new DateTimeOffset(2026, 11, 12, 14, 5, 31, TimeSpan.Zero), "arn:aws:iam::111122223333:user/alice", "6f1c9a52-0d3e-4b8f-9a61-2c7e5d4b3a10") { SourceIp = "203.0.113.25" },
            attribution.Change);
    }

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
