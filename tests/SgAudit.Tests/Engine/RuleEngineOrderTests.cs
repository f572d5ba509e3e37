using System.Collections.Immutable;
using System.Net;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Engine;

/// <summary>
/// The engine builds the finding order from per-(region, rule) pieces evaluated in parallel; whatever the inventory's
/// region order, the result must be exactly the FindingOrder sort of the same findings.
/// </summary>
public sealed class RuleEngineOrderTests
{
    [Fact]
    public void Should_ReturnFindingsInFindingOrder_When_ManyRulesAccountsAndRegionsFail()
    {
        var findings = Evaluate(ManyScopes());

        Assert.True(findings.Select(f => (f.AccountId, f.Region)).Distinct().Count() >= 3, "the test needs findings in several regions and accounts");
        Assert.True(findings.Select(f => f.RuleId).Distinct().Count() >= 4, "the test needs findings of several rules");
        Assert.Equal(findings.Order(FindingOrder.Instance).Select(Describe), findings.Select(Describe));
    }

    [Fact]
    public void Should_GiveTheSameFindingsInTheSameOrder_When_RegionsAndGroupsAreListedInReverse()
    {
        var inventory = ManyScopes();
        var reversed = inventory with
        {
            Regions = [.. inventory.Regions.Reverse().Select(r => r with { SecurityGroups = [.. r.SecurityGroups.Reverse()] })],
        };

        Assert.Equal(Evaluate(inventory).Select(Describe), Evaluate(reversed).Select(Describe));
    }

    /// <summary>Four regions of two accounts, listed out of order, each with groups listed out of id order that fail several rules.</summary>
    private static Inventory ManyScopes()
    {
        var world = new CidrSource(IPNetwork.Parse("0.0.0.0/0"));
        var world6 = new CidrSource(IPNetwork.Parse("::/0"));
        RegionInventory Region(string account, string region, params int[] groups) => new(account, region)
        {
            Vpcs = [new Vpc("vpc-1")],
            SecurityGroups = [.. groups.Select(g => new SecurityGroup($"sg-{g:x17}", $"group-{g}", account)
            {
                VpcId = "vpc-1",
                Ingress =
                [
                    new Permission(Direction.Ingress, IpProtocol.Tcp, g % 2 == 0 ? [world, world6] : [world]) { Ports = new PortRange(20, 3389 + g) },
                    new Permission(Direction.Ingress, IpProtocol.All, [world]),
                ],
            })],
        };

        return new Inventory(
        [
            Region("222233334444", "us-east-1", 9, 3, 7),
            Region("111122223333", "eu-west-1", 5, 12, 1),
            Region("111122223333", "ap-south-1", 4, 2),
            Region("222233334444", "ap-south-1", 8, 6, 11),
        ], []);
    }

    private static ImmutableArray<Finding> Evaluate(Inventory inventory)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        return RuleEngine.BuiltIn.Evaluate(catalog, inventory, RuleSetResolver.Resolve(catalog, new Dictionary<string, RuleSettings>())).Findings;
    }

    private static string Describe(Finding f) => $"{f.RuleId} {f.AccountId} {f.Region} {f.ResourceId} {f.Evidence.Key} {f.Fingerprint}";
}
