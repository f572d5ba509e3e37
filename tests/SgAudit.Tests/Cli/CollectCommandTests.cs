using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Collectors.Models;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

public sealed class CollectCommandTests
{
    [Theory]
    [InlineData("snapshot.yaml")]
    [InlineData("snapshot.json")]
    public async Task Should_ReplayWithIdenticalFindings_When_TheDemoAccountIsCollectedAndScanned(string snapshotName)
    {
        // Given a snapshot of the demo account
        using var work = new ScratchDirectory();
        var collect = await CliRunner.RunAsync("collect", "--out", work.Resolve(snapshotName));
        Assert.Equal(ExitCodes.Success, collect.ExitCode);

        // When the demo and the snapshot are scanned
        var demo = await CliRunner.RunAsync("scan", "--format", "json", "--out", work.Resolve("demo"));
        var replay = await CliRunner.RunAsync("scan", "--model", work.Resolve(snapshotName), "--format", "json", "--out", work.Resolve("replay"));

        // Then the findings, gaps and verdicts are the same, finding for finding
        Assert.Equal(demo.ExitCode, replay.ExitCode);
        using var expected = JsonDocument.Parse(work.Read("demo/report.json"));
        using var actual = JsonDocument.Parse(work.Read("replay/report.json"));
        foreach (var member in new[] { "findings", "notAssessed", "ruleGaps", "compliance", "summary", "suppressions", "cloudTrail" })
        {
            Assert.Equal(expected.RootElement.GetProperty(member).GetRawText(), actual.RootElement.GetProperty(member).GetRawText());
        }

        Assert.Equal(75, actual.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains(actual.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("lastChange").ValueKind == JsonValueKind.Object && f.GetProperty("lastChange").GetProperty("status").GetString() == "found");
    }

    [Fact]
    public async Task Should_SayNotAssessedNotNoChange_When_AReplayFailsAGroupTheCollectNeverLookedUp()
    {
        // Given a snapshot collected with only the RDP rule on, so only RDP groups' CloudTrail history was recorded
        using var work = new ScratchDirectory();
        var config = work.Write("rdp-only.yaml", "version: 1\nrules:\n" + string.Concat(
            new[] { "SGA001", "SGA002", "SGA003", "SGA004", "SGA006", "SGA007", "SGA008", "SGA009", "SGA010", "SGA011", "SGA012", "SGA013", "SGA014", "SGA015", "SGA016" }.Select(id => $"  {id}:\n    enabled: false\n")));
        var collect = await CliRunner.RunAsync("collect", "--config", config, "--out", work.Resolve("snapshot.yaml"));

        // When it is replayed with every rule on
        var replay = await CliRunner.RunAsync("scan", "--model", work.Resolve("snapshot.yaml"), "--format", "json", "--out", work.Resolve("replay"));

        // Then the RDP group keeps its attribution, and groups never looked up are "not assessed", never "no change"
        Assert.Equal(ExitCodes.Success, collect.ExitCode);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, replay.ExitCode);
        using var report = JsonDocument.Parse(work.Read("replay/report.json"));
        var changes = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("lastChange").ValueKind == JsonValueKind.Object)
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(), Group: f.GetProperty("resourceId").GetString(), Status: f.GetProperty("lastChange").GetProperty("status").GetString()))
            .ToList();
        var lookedUp = changes.Where(c => c.Rule == "SGA005").Select(c => c.Group).ToHashSet();
        Assert.Contains(changes, c => c.Rule == "SGA005" && c.Status == "found");
        Assert.All(changes.Where(c => lookedUp.Contains(c.Group)), c => Assert.NotEqual("not-assessed", c.Status));
        Assert.All(changes.Where(c => !lookedUp.Contains(c.Group)), c => Assert.Equal("not-assessed", c.Status));
        Assert.Contains(changes, c => !lookedUp.Contains(c.Group));
    }

    [Fact]
    public async Task Should_WriteTheSameFile_When_ASnapshotIsCollectedAgain()
    {
        // Given a snapshot of the demo account
        using var work = new ScratchDirectory();
        await CliRunner.RunAsync("collect", "--out", work.Resolve("first.yaml"));

        // When the snapshot itself is collected
        var again = await CliRunner.RunAsync("collect", "--model", work.Resolve("first.yaml"), "--out", work.Resolve("second.yaml"));

        // Then nothing was lost or changed on the way
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal(work.Read("first.yaml"), work.Read("second.yaml"));
    }

    [Fact]
    public async Task Should_KeepErrorsAndUnprovidedListsAndExit3_When_PartOfTheSourceCannotBeRead()
    {
        // Given a model whose second region is unreadable and whose first region does not provide network interfaces
        using var work = new ScratchDirectory();
        var clean = ScanCommandTests.CleanModel;
        var start = clean.IndexOf("        NetworkInterfaces:", StringComparison.Ordinal);
        var withoutInterfaces = clean[..start] + clean[clean.IndexOf("        NetworkAcls:", StringComparison.Ordinal)..];
        Assert.NotEqual(ScanCommandTests.CleanModel, withoutInterfaces);
        var model = work.Write("partial.yaml", withoutInterfaces
            + "      - name: eu-west-1\n"
            + "        error:\n"
            + "          code: UnauthorizedOperation\n"
            + "          message: You are not authorized to perform this operation.\n");

        // When it is collected, and the snapshot scanned
        var collect = await CliRunner.RunAsync("collect", "--model", model, "--out", work.Resolve("snapshot.yaml"));
        var lenient = await CliRunner.RunAsync("collect", "--model", model, "--out", work.Resolve("lenient.yaml"), "--allow-partial");
        var replay = await CliRunner.RunAsync("scan", "--model", work.Resolve("snapshot.yaml"), "--format", "json", "--out", work.Resolve("out"));

        // Then the unread region is in the snapshot with its error, the absent list stays absent, and both say "not assessed"
        Assert.Equal(ExitCodes.NotAssessed, collect.ExitCode);
        Assert.Contains("eu-west-1: UnauthorizedOperation", collect.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, lenient.ExitCode);
        var snapshot = ModelFileReader.ReadFile(work.Resolve("snapshot.yaml"));
        var regions = Assert.Single(snapshot.Accounts).Regions;
        Assert.Equal(["eu-west-1", "us-east-1"], regions.Select(r => r.Name));
        Assert.Equal("UnauthorizedOperation", regions[0].Error?.Code);
        Assert.Null(regions[0].SecurityGroups);
        Assert.Null(regions[1].NetworkInterfaces);
        Assert.Equal("acl-0a1b2c3d4e5f60718", Assert.Single(regions[1].NetworkAcls!).NetworkAclId);
        Assert.Equal("sg-0a1b2c3d4e5f60718", Assert.Single(regions[1].SecurityGroups!).GroupId);
        Assert.Equal(ExitCodes.NotAssessed, replay.ExitCode);
        using var json = JsonDocument.Parse(work.Read("out/report.json"));
        Assert.Equal("UnauthorizedOperation", Assert.Single(json.RootElement.GetProperty("notAssessed").EnumerateArray()).GetProperty("errorCode").GetString());
        Assert.NotEqual(0, json.RootElement.GetProperty("ruleGaps").GetArrayLength());
    }

    [Theory]
    [InlineData("snapshot.yaml")]
    [InlineData("snapshot.json")]
    public async Task Should_KeepEveryCharacterOfAccountText_When_ItLooksLikeSyntax(string snapshotName)
    {
        // Given descriptions and tags that YAML or JSON would misread if written carelessly
        string[] hostile = ["123456789012", "true", "null", "- item", "key: value # comment", "{{{x}}} \"q\" 'a'", "line\nbreak\ttab", "ümlaut ☃ \u0001", "&anchor *alias !tag", "  padded  "];
        using var work = new ScratchDirectory();
        var groups = string.Join("", hostile.Select((text, i) => $$"""
                  - GroupId: sg-0a1b2c3d4e5f6071{{i}}
                    GroupName: g{{i}}
                    Description: {{JsonSerializer.Serialize(text)}}
                    VpcId: vpc-0a1b2c3d4e5f60718
                    OwnerId: "111122223333"
                    Tags: [{Key: {{JsonSerializer.Serialize(text)}}, Value: {{JsonSerializer.Serialize(text)}}}]
                    IpPermissions: []
                    IpPermissionsEgress: []

        """));
        var model = work.Write("hostile.yaml", $"accounts:\n  - id: \"111122223333\"\n    regions:\n      - name: us-east-1\n        SecurityGroups:\n{groups}");

        // When it is collected
        var collect = await CliRunner.RunAsync("collect", "--model", model, "--out", work.Resolve(snapshotName));

        // Then the snapshot reads back to exactly the same text
        Assert.Equal(ExitCodes.Success, collect.ExitCode);
        var read = Assert.Single(Assert.Single(ModelFileReader.ReadFile(work.Resolve(snapshotName)).Accounts).Regions).SecurityGroups!;
        Assert.Equal(hostile, read.Select(g => g.Description));
        Assert.Equal(hostile, read.Select(g => Assert.Single(g.Tags!).Key));
        Assert.Equal(hostile, read.Select(g => Assert.Single(g.Tags!).Value));
    }

    [Theory]
    [InlineData("collect")]
    [InlineData("collect", "--out", "x.yaml", "--source", "aws", "--model", "m.yaml")]
    [InlineData("collect", "--out", "x.yaml", "--profile", "prod")]
    [InlineData("scan", "--endpoint-url", "http://127.0.0.1:1")]
    [InlineData("scan", "--source", "aws", "--accounts", "accounts.txt")]
    [InlineData("scan", "--source", "aws", "--role-arn", "arn:aws:iam::111122223333:role/a", "--accounts", "a.txt", "--role-name", "r")]
    [InlineData("scan", "--source", "aws", "--role-arn", "not-an-arn")]
    [InlineData("scan", "--source", "aws", "--external-id", "x")]
    [InlineData("scan", "--source", "aws", "--endpoint-url", "ftp://127.0.0.1/")]
    [InlineData("scan", "--region", "us-east-1,Mars")]
    [InlineData("scan", "--concurrency", "0")]
    [InlineData("scan", "--source", "gcp")]
    public async Task Should_Exit2WithoutTouchingAnything_When_SourceOptionsContradictEachOther(params string[] args)
    {
        // Given options that cannot work together (or a collect without its output file)
        // When they are given
        var run = await CliRunner.RunAsync(args);

        // Then the usage error names the problem and nothing runs
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.StartsWith("sgaudit: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
