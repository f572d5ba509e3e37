using System.Text.Json;
using SgAudit.Cli;
using SgAudit.Tests.Rules;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Cli;

/// <summary>Custom rules and severity overrides through the real command line: rules listing, reports and the gate.</summary>
public sealed class CustomRuleCliTests
{
    private const string CustomConfig = """
        customRules:
          ACME001:
            family: world-ingress-ports
            title: MongoDB or Redis is open to the internet
            severity: critical
            remediation:
              text: Reach databases through the VPN, never from the internet.
              cli: aws ec2 revoke-security-group-ingress --group-id <group-id>
            parameters:
              ports: [27017, 6379]
          ACME002:
            family: wide-port-range
            title: An inbound rule opens more than 10 ports
            severity: low
            remediation: List the ports the service listens on.
            parameters:
              threshold: 10
        rules:
          ACME002:
            enabled: false
          SGA007:
            severity: critical
        """;

    /// <summary>One group with tcp 1000-2000 from a private range, used by an interface: only SGA007 (medium) fires.</summary>
    private const string WideRangeGroups = """
        {"SecurityGroups": [{"GroupName": "app", "GroupId": "sg-0123456789abcdef0", "OwnerId": "123456789012", "VpcId": "vpc-0c3f6a9e2b7d41a58",
          "Description": "app", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 1000, "ToPort": 2000, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}],
          "IpPermissionsEgress": []}]}
        """;

    private const string WideRangeInterfaces = """
        {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-0123456789abcdef0", "OwnerId": "123456789012", "VpcId": "vpc-0c3f6a9e2b7d41a58",
          "InterfaceType": "interface", "Status": "in-use", "Groups": [{"GroupName": "app", "GroupId": "sg-0123456789abcdef0"}]}]}
        """;

    [Fact]
    public async Task Should_ReportTheCustomRuleLikeABuiltInOne_When_ScanningWithTheConfig()
    {
        // Given the custom-database-ports fixture and a config declaring ACME001
        using var work = new ScratchDirectory();
        var config = work.Write("sgaudit.yaml", CustomConfig);
        var model = RuleTestHarness.FixtureFolder("custom-database-ports");

        // When (the fixture has no network ACL export: SGA010 is not assessed, which --allow-partial accepts)
        var run = await CliRunner.RunAsync("scan", "--model", model, "--config", config, "--out", work.Resolve("out"), "--fail-on", "none", "--allow-partial");

        // Then report.json lists the rule with its origin and severity and exactly the fail-* groups' findings
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.json")));
        var rule = json.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "ACME001");
        Assert.Equal("critical", rule.GetProperty("severity").GetString());
        Assert.Equal("sgaudit.yaml", rule.GetProperty("origin").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "ACME002");
        var failing = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "ACME001")
            .Select(f => f.GetProperty("resourceName").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        RuleTestHarness.AssertSameSet(
            ["fail-tcp-27017-ipv4-world", "fail-tcp-6379-ipv6-world", "fail-all-traffic-world", "fail-tcp-range-covering-27017-world"],
            failing,
            "ACME001 findings in report.json");

        // And SARIF carries the rule with the critical security-severity and its results; the other reports name it
        using var sarif = JsonDocument.Parse(File.ReadAllText(work.Resolve("out/report.sarif")));
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        var sarifRule = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "ACME001");
        Assert.Equal("9.5", sarifRule.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal(4, sarifRun.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("ruleId").GetString() == "ACME001"));
        Assert.Contains("ACME001", File.ReadAllText(work.Resolve("out/summary.md")), StringComparison.Ordinal);
        Assert.Contains("MongoDB or Redis is open to the internet", File.ReadAllText(work.Resolve("out/report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListCustomRulesOverridesAndDisabledRules_When_RulesIsGivenTheConfig()
    {
        // Given
        using var work = new ScratchDirectory();
        var config = work.Write("sgaudit.yaml", CustomConfig);

        // When
        var markdown = await CliRunner.RunAsync("rules", "--format", "markdown", "--config", config);
        var json = await CliRunner.RunAsync("rules", "--format", "json", "--config", config);
        var table = await CliRunner.RunAsync("rules", "--config", config);

        // Then
        Assert.Equal(ExitCodes.Success, markdown.ExitCode);
        Assert.Contains("| ACME001 | `mongodb-or-redis-is-open-to-the-internet` | MongoDB or Redis is open to the internet | critical | none (Custom rule declared in sgaudit.yaml", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| ACME002 | `an-inbound-rule-opens-more-than-10-ports` | An inbound rule opens more than 10 ports | off (low) |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| critical (rule: medium) |", markdown.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var rules = document.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.Equal("sgaudit.yaml", rules["ACME001"].GetProperty("origin").GetString());
        Assert.Equal("world-ingress-ports", rules["ACME001"].GetProperty("implementation").GetString());
        Assert.False(rules["ACME002"].GetProperty("enabled").GetBoolean());
        Assert.Equal("critical", rules["SGA007"].GetProperty("severity").GetString());
        Assert.Equal("medium", rules["SGA007"].GetProperty("defaultSeverity").GetString());
        Assert.Equal("built-in", rules["SGA001"].GetProperty("origin").GetString());
        Assert.Contains("ACME001", table.Output, StringComparison.Ordinal);
        Assert.Contains("custom rule", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_GateOnTheOverriddenSeverity_When_TheConfigRaisesARule()
    {
        // Given a model whose only finding is SGA007 (medium)
        using var work = new ScratchDirectory();
        work.Write("exports/describe-security-groups.json", WideRangeGroups);
        work.Write("exports/describe-network-interfaces.json", WideRangeInterfaces);
        work.Write("exports/describe-network-acls.json", "{\"NetworkAcls\": []}");
        var raise = work.Write("raise.yaml", "rules:\n  SGA007:\n    severity: high\n");

        // When
        var plain = await CliRunner.RunAsync("scan", "--model", work.Resolve("exports"), "--out", work.Resolve("plain"), "--fail-on", "high");
        var raised = await CliRunner.RunAsync("scan", "--model", work.Resolve("exports"), "--config", raise, "--out", work.Resolve("raised"), "--fail-on", "high");

        // Then the same finding passes the gate at medium and fails it at high
        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, raised.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(work.Resolve("raised/report.json")));
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("SGA007", finding.GetProperty("ruleId").GetString());
        Assert.Equal("high", finding.GetProperty("severity").GetString());
    }
}
