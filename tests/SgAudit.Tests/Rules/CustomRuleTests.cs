using SgAudit.Cli.Configuration;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Rules;

/// <summary>
/// Custom rules from the config file (docs/custom-rules.md) evaluate like built-in ones: exact sets of failing and
/// passing groups on Fixtures/custom-database-ports, through the real config loader and scan path.
/// </summary>
public sealed class CustomRuleTests
{
    private const string Fixture = "custom-database-ports";

    private const string DatabasePortsConfig = """
        customRules:
          ACME001:
            family: world-ingress-ports
            title: MongoDB or Redis is open to the internet
            severity: critical
            remediation: Reach databases through the VPN, never from the internet.
            parameters:
              ports: [27017, 6379]
        """;

    [Fact]
    public async Task Should_FailExactlyTheFailGroups_When_ACustomRuleUsesTheWorldPortsFamily()
    {
        // Given a custom rule for tcp 27017/6379 from the world (protocols and address families from the family defaults)
        using var work = new ScratchDirectory();
        var config = ScanConfigLoader.Load(work.Write("sgaudit.yaml", DatabasePortsConfig), RuleCatalogLoader.BuiltIn);

        // When
        var run = await RuleTestHarness.RunConfiguredRuleAsync("ACME001", Fixture, config.Catalog, config.Rules);

        // Then
        RuleTestHarness.AssertVerdictsFollowNames(run);
    }

    [Fact]
    public async Task Should_AlsoFailUdp_When_TheCustomRuleSetsProtocolsTcpAndUdp()
    {
        // Given the same rule with protocols [tcp, udp] instead of the family default [tcp]
        using var work = new ScratchDirectory();
        var text = DatabasePortsConfig.Replace("ports: [27017, 6379]", "ports: [27017, 6379]\n      protocols: [tcp, udp]", StringComparison.Ordinal);
        var config = ScanConfigLoader.Load(work.Write("sgaudit.yaml", text), RuleCatalogLoader.BuiltIn);

        // When
        var run = await RuleTestHarness.RunConfiguredRuleAsync("ACME001", Fixture, config.Catalog, config.Rules);

        // Then udp/6379 from the world fails too
        RuleTestHarness.AssertVerdicts(
            run,
            run.NamesStartingWith(RuleTestHarness.FailPrefix).Append("pass-udp-6379-world"),
            run.NamesStartingWith(RuleTestHarness.PassPrefix).Where(n => n != "pass-udp-6379-world"));
    }

    [Fact]
    public void Should_BuildADefinitionFromTheFamily_When_TheConfigDeclaresACustomRule()
    {
        // Given
        using var work = new ScratchDirectory();

        // When
        var config = ScanConfigLoader.Load(work.Write("sgaudit.yaml", DatabasePortsConfig), RuleCatalogLoader.BuiltIn);

        // Then the rule is in the catalogue and runs, with the family's message, resource type and default parameters
        var rule = Assert.Single(config.Rules, r => r.Id == "ACME001");
        Assert.Equal(Severity.Critical, rule.Severity);
        Assert.Equal("sgaudit.yaml", rule.Definition.Origin);
        Assert.Equal("world-ingress-ports", rule.Definition.Implementation);
        Assert.Equal(RuleCatalogLoader.BuiltIn.FindFamily("world-ingress-ports")!.Message, rule.Definition.Message);
        Assert.Equal(PortSet.Of(27017, 6379), rule.Parameters.GetPorts("ports"));
        Assert.Equal(new[] { "tcp" }, rule.Parameters.GetChoices("protocols").ToArray());
        Assert.Equal(new[] { "ipv4", "ipv6" }, rule.Parameters.GetChoices("addressFamilies").ToArray());
        Assert.Equal("mongodb-or-redis-is-open-to-the-internet", rule.Definition.Slug);
        Assert.Contains("Reach databases through the VPN", rule.Definition.Guidance, StringComparison.Ordinal);
        Assert.Empty(config.Catalog.ControlsFor("ACME001"));
        Assert.Contains("sgaudit.yaml", config.Catalog.UnmappedReasons["ACME001"], StringComparison.Ordinal);
        Assert.Equal(RuleCatalogLoader.BuiltIn.Rules.Length + 1, config.Rules.Length);
    }

    [Fact]
    public void Should_OverrideTheSeverity_When_TheConfigSetsRulesSeverity()
    {
        // Given
        using var work = new ScratchDirectory();
        var path = work.Write("sgaudit.yaml", "rules:\n  SGA007:\n    severity: critical\n");

        // When
        var config = ScanConfigLoader.Load(path, RuleCatalogLoader.BuiltIn);

        // Then only SGA007 changes, and the definition keeps its own severity
        var overridden = config.Rules.Where(r => r.SeverityOverridden).ToList();
        var rule = Assert.Single(overridden);
        Assert.Equal("SGA007", rule.Id);
        Assert.Equal(Severity.Critical, rule.Severity);
        Assert.Equal(Severity.Medium, rule.Definition.Severity);
    }
}
