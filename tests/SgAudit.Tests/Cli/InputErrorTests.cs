using SgAudit.Cli;

using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>Bad input gets one line naming the file, the place and the problem; exit 2; no stack trace; no report.</summary>
public sealed class InputErrorTests
{
    public static TheoryData<string, string, string[]> BadModels => new()
    {
        // name, file content, fragments the error line must contain
        { "malformed.json", "{ \"accounts\": [ { \"id\": \"111122223333\", ", ["malformed.json", "line 1"] },
        { "truncated.yaml", "version: 1\naccounts:\n  - id: \"111122223333\"\n    regions:\n      - name: us-east-1\n        SecurityGroups:\n          - GroupId: sg-1\n            IpPermissions: [ { IpProtocol: tcp", ["truncated.yaml", "line 8"] },
        { "protocol.yaml", Model("IpProtocol: tcpx\n                FromPort: 22\n                ToPort: 22"), ["protocol.yaml", "line 13", "IpPermissions[0].IpProtocol", "unknown protocol 'tcpx'"] },
        { "port.yaml", Model("IpProtocol: tcp\n                FromPort: 22\n                ToPort: 70000"), ["port.yaml", "line 15", "IpPermissions[0].ToPort", "port 70000 is outside 0–65535"] },
        { "order.yaml", Model("IpProtocol: udp\n                FromPort: 90\n                ToPort: 80"), ["order.yaml", "line 13", "IpPermissions[0]", "FromPort 90 is above ToPort 80"] },
        { "cidr.yaml", Model("IpProtocol: tcp\n                FromPort: 22\n                ToPort: 22\n                IpRanges:\n                  - CidrIp: 10.0.0.300/8"), ["cidr.yaml", "line 17", "IpRanges[0].CidrIp", "'10.0.0.300/8' is not an IPv4 CIDR"] },
        { "family.yaml", Model("IpProtocol: tcp\n                FromPort: 22\n                ToPort: 22\n                IpRanges:\n                  - CidrIp: ::/0"), ["family.yaml", "IpRanges[0].CidrIp", "not an IPv4 CIDR"] },
        { "key.yaml", "version: 1\naccounts:\n  - id: \"111122223333\"\n    regoins: []\n", ["key.yaml", "line 4", "unknown key 'regoins'"] },
        { "account.yaml", "accounts:\n  - id: \"12345\"\n    regions:\n      - name: us-east-1\n", ["account.yaml", "line 2", "not a 12-digit AWS account id"] },
        { "wrongtype.json", "{\"accounts\":[{\"id\":\"111122223333\",\"regions\":[{\"name\":\"us-east-1\",\"SecurityGroups\":[{\"GroupId\":\"sg-1\",\"IpPermissions\":[{\"IpProtocol\":\"tcp\",\"FromPort\":\"twenty\",\"ToPort\":22}]}]}]}]}", ["wrongtype.json", "FromPort", "whole number"] },
        { "duplicate.yaml", "accounts:\n  - id: \"111122223333\"\n    regions:\n      - name: us-east-1\n        SecurityGroups: []\n        securitygroups: []\n", ["duplicate.yaml", "line 6", "appears twice"] },
        { "empty.yaml", "", ["empty.yaml", "empty"] },
        { "nullrange.json", "{\"accounts\":[{\"id\":\"111122223333\",\"regions\":[{\"name\":\"us-east-1\",\"SecurityGroups\":[{\"GroupId\":\"sg-1\",\"IpPermissions\":[{\"IpProtocol\":\"tcp\",\"FromPort\":22,\"ToPort\":22,\"IpRanges\":[null]}]}]}]}]}", ["nullrange.json", "line 1", "IpPermissions[0].IpRanges[0]", "empty item"] },
        { "nullaccounts.json", "{\"accounts\": null}", ["nullaccounts.json", "$.accounts", "not null"] },
        { "nullaccount.yaml", "accounts:\n  - null\n", ["nullaccount.yaml", "line 2", "empty item"] },
        { "nullregions.json", "{\"accounts\":[{\"id\":\"111122223333\",\"regions\":null}]}", ["nullregions.json", "regions", "not null"] },
        { "nulltag.yaml", "accounts:\n  - id: \"111122223333\"\n    regions:\n      - name: us-east-1\n        Vpcs:\n          - VpcId: vpc-1\n            Tags: [null]\n", ["nulltag.yaml", "line 7", "Vpcs[0].Tags[0]", "empty item"] },
        { "surrogate.json", "{\"accounts\":[{\"id\":\"111122223333\",\"regions\":[{\"name\":\"us-east-1\",\"SecurityGroups\":[{\"GroupId\":\"sg-1\",\"GroupName\":\"bad\\ud800name\"}]}]}]}", ["surrogate.json", "SecurityGroups[0].GroupName", "not valid Unicode"] },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public async Task Should_Exit2WithFileAndPlace_When_TheModelIsBad(string name, string content, string[] fragments)
    {
        // Given a bad model and an output folder
        using var work = new ScratchDirectory();
        var model = work.Write(name, content);

        // When it is scanned
        var run = await CliRunner.RunAsync("scan", "--model", model, "--out", work.Resolve("out"));

        // Then one error line names the file, the place and the problem, and nothing is written
        AssertInputError(run, fragments);
        Assert.False(Directory.Exists(work.Resolve("out")), "no report may be written for bad input");
    }

    [Fact]
    public async Task Should_Exit2_When_TheModelFileDoesNotExist()
    {
        using var work = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--model", work.Resolve("missing.yaml"), "--out", work.Resolve("out"));

        AssertInputError(run, ["missing.yaml", "no such file or folder"]);
    }

    [Fact]
    public async Task Should_Exit2_When_TheFolderHasNoExports()
    {
        using var work = new ScratchDirectory();
        work.Write("notes.txt", "not an export");

        var run = await CliRunner.RunAsync("scan", "--model", work.Path, "--out", work.Resolve("out"));

        AssertInputError(run, ["no AWS CLI exports found", "describe-security-groups.json"]);
    }

    [Fact]
    public async Task Should_NameTheExportFileAndItem_When_AnExportHasABadPort()
    {
        // Given an export folder whose second group has a port out of range
        using var work = new ScratchDirectory();
        work.Write("describe-security-groups.json", """
            {"SecurityGroups": [
              {"GroupId": "sg-1", "GroupName": "a", "OwnerId": "111122223333", "IpPermissions": []},
              {"GroupId": "sg-2", "GroupName": "b", "OwnerId": "111122223333",
               "IpPermissions": [{"IpProtocol": "tcp", "FromPort": -5, "ToPort": 22}]}
            ]}
            """);

        var run = await CliRunner.RunAsync("scan", "--model", work.Path, "--out", work.Resolve("out"));

        AssertInputError(run, ["describe-security-groups.json", "line 4", "$.SecurityGroups[1].IpPermissions[0].FromPort", "port -5 is outside 0–65535"]);
    }

    [Fact]
    public async Task Should_Exit2_When_ATemplateIsMissing()
    {
        // Given a templates folder without the SARIF template
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        File.Delete(templates.Resolve("sarif/report.sarif.hbs"));
        using var work = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--templates", templates.Path, "--out", work.Resolve("out"));

        AssertInputError(run, ["report.sarif.hbs"]);
        Assert.False(Directory.Exists(work.Resolve("out")));
    }

    [Fact]
    public async Task Should_Exit2AndWriteNothing_When_ATemplateRendersInvalidSarif()
    {
        using var templates = ScratchDirectory.WithEmbeddedTemplates();
        templates.Write("sarif/report.sarif.hbs", "{ \"version\": \"2.1.0\", \"runs\": [ {{#each runs}} ");
        using var work = new ScratchDirectory();

        var run = await CliRunner.RunAsync("scan", "--templates", templates.Path, "--out", work.Resolve("out"));

        AssertInputError(run, ["report.sarif.hbs"]);
        Assert.False(File.Exists(work.Resolve("out/report.sarif")));
        Assert.False(File.Exists(work.Resolve("out/report.html")), "no report of the scan may be written when one fails");
    }

    public static TheoryData<string, string[]> BadConfigs => new()
    {
        { "rules:\n  SGA007:\n    parameters:\n      treshold: 10\n", ["line 4", "SGA007 has no parameter 'treshold'"] },
        { "rules:\n  SGA004:\n    variant: ipv6-only\n", ["line 3", "'ipv6-only' is not a variant of SGA004"] },
        { "rules:\n  SGA999:\n    enabled: false\n", ["line 2", "there is no rule SGA999"] },
        { "rules:\n  SGA007:\n    parameters:\n      threshold: wide\n", ["line 4", "expected a whole number"] },
        { "rules:\n  SGA001:\n    parameters:\n      ports: [22, 70000]\n", ["line 4", "port 0–65535"] },
        { "rules:\n  SGA011:\n    parameters:\n      authorizedTcpPorts: [80, \"443-80\"]\n", ["line 4", "item 1", "with from <= to"] },
        { "rules:\n  SGA011:\n    parameters:\n      authorizedUdpPorts: [\"500-600\", 550]\n", ["line 4", "item 1: 550 overlaps item 0 (500-600)"] },
        { "rules:\n  SGA012:\n    parameters:\n      scopeTags: [pci-scope, \"=cardholder\"]\n", ["line 4", "'=cardholder' has no tag key before '='"] },
        { "rules:\n  SGA015:\n    parameters:\n      patterns: launch-wizard-*\n", ["line 4", "expected a list of strings"] },
        { "rule:\n  SGA001: {}\n", ["line 1", "unknown key 'rule'"] },
        { "failOn: severe\n", ["line 1", "'\"severe\"' is not critical, high, medium, low or none"] },
        { "rules:\n  SGA001:\n    enable: false\n", ["line 3", "unknown key 'enable'"] },
        { "rules:\n  SGA007:\n    severity: severe\n", ["line 3", "'\"severe\"' is not info, low, medium, high or critical"] },
        { CustomRule("family: world-ingres-ports"), ["line 3", "'world-ingres-ports' is not an evaluator family", "did you mean 'world-ingress-ports'?"] },
        { CustomRule("family: world-ingress-ports", "prots: [27017]"), ["line 8", "family 'world-ingress-ports' has no parameter 'prots' (ports, protocols, addressFamilies)"] },
        { CustomRule("family: world-ingress-ports", "protocols: [tcp]"), ["line 7", "family 'world-ingress-ports' needs 'ports'"] },
        { CustomRule("family: world-ingress-ports", "ports: [27017, 70000]"), ["line 8", "port 0–65535"] },
        { CustomRule("family: wide-port-range", "threshold: wide"), ["line 8", "expected a whole number"] },
        { CustomRule("family: world-ingress-ports\n    titel: typo", "ports: [1]"), ["line 4", "unknown key 'titel'"] },
        { CustomRule("family: world-ingress-ports\n    message: '{resource} opens {port}'", "ports: [1]"), ["line 4", "unknown placeholder {port}"] },
        { CustomRule("family: world-ingress-ports", "ports: [1]").Replace("ACME001", "SGA100", StringComparison.Ordinal), ["line 2", "reserved for built-in rules"] },
        { CustomRule("family: world-ingress-ports", "ports: [1]").Replace("ACME001", "acme 1", StringComparison.Ordinal), ["line 2", "is not a custom rule id"] },
        { CustomRule("family: world-ingress-ports", "ports: [1]").Replace("    remediation: Close it.\n", "", StringComparison.Ordinal), ["line 2", "a custom rule needs 'remediation'"] },
        { CustomRule("family: world-ingress-ports", "ports: [1]").Replace("severity: high", "severity: urgent", StringComparison.Ordinal), ["line 5", "'urgent' is not info, low, medium, high or critical"] },
        { CustomRule("family: world-ingress-ports", "ports: [1]") + "rules:\n  ACME002:\n    enabled: false\n", ["line 10", "there is no rule ACME002"] },
    };

    /// <summary>A custom rule ACME001 with the given family line and parameter lines (parameters start on line 8).</summary>
    private static string CustomRule(string familyLine, params string[] parameterLines) =>
        "customRules:\n  ACME001:\n    " + familyLine + "\n    title: Something is open\n    severity: high\n    remediation: Close it.\n    parameters:\n"
        + string.Concat(parameterLines.Select(line => "      " + line + "\n"));

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task Should_Exit2WithTheLine_When_TheConfigIsBad(string content, string[] fragments)
    {
        using var work = new ScratchDirectory();
        var config = work.Write("sgaudit.yaml", content);

        var run = await CliRunner.RunAsync("scan", "--config", config, "--out", work.Resolve("out"));

        AssertInputError(run, ["sgaudit.yaml", .. fragments]);
        Assert.False(Directory.Exists(work.Resolve("out")));
    }

    [Theory]
    [InlineData("scan", "--format", "pdf")]
    [InlineData("scan", "--fail-on", "severe")]
    [InlineData("scan", "--no-such-flag")]
    [InlineData("rules", "--format", "yaml")]
    public async Task Should_Exit2_When_TheCommandLineIsWrong(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.StartsWith("sgaudit: ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Exit 2 with one line "sgaudit: error: …" holding every fragment, and no stack trace.</summary>
    internal static void AssertInputError(CliRun run, string[] fragments)
    {
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sgaudit: error: ", line, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A one-group model whose first permission (line 13) is <paramref name="permission"/>.</summary>
    private static string Model(string permission) =>
        "version: 1\n" +
        "accounts:\n" +
        "  - id: \"111122223333\"\n" +
        "    regions:\n" +
        "      - name: us-east-1\n" +
        "        SecurityGroups:\n" +
        "          - GroupId: sg-0a1b2c3d4e5f60718\n" +
        "            GroupName: probe\n" +
        "            OwnerId: \"111122223333\"\n" +
        "            IpPermissions:\n" +
        "              - \n" +
        "                # the permission under test\n" +
        "                " + permission + "\n";
}
