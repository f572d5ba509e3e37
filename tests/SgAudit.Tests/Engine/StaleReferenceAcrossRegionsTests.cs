using System.Collections.Immutable;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Engine;

/// <summary>
/// SGA013 sees the other regions of the scan through the engine's group directory: a reference into another
/// account is checked only against groups the scan really read there.
/// </summary>
public sealed class StaleReferenceAcrossRegionsTests
{
    private const string Own = "111111111111";
    private const string Peer = "222222222222";

    [Fact]
    public void Should_FailTheReference_When_ThePeersRegionWasReadWithoutTheGroup()
    {
        // Given the peer's us-east-1 read, with another group only
        var inventory = Scan(Region(Peer, "us-east-1", [Group("sg-0000000000000b001", Peer)]));

        // When
        var outcome = StaleReferenceOutcome(inventory);

        // Then
        Assert.False(outcome.Passed);
    }

    [Fact]
    public void Should_PassTheReference_When_ThePeersRegionHasTheGroup()
    {
        var inventory = Scan(Region(Peer, "us-east-1", [Group("sg-0000000000000b0ff", Peer)]));

        Assert.True(StaleReferenceOutcome(inventory).Passed);
    }

    [Fact]
    public void Should_PassTheReference_When_ThePeersGroupsWereNotRead()
    {
        // Given the peer's us-east-1 without its security groups (an export without describe-security-groups.json)
        var inventory = Scan(Region(Peer, "us-east-1", []) with { MissingParts = [InventoryPart.SecurityGroups] });

        // When
        var outcome = StaleReferenceOutcome(inventory);

        // Then it cannot be checked, so it does not fail
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Should_PassTheReference_When_OnlyAnotherRegionOfThePeerWasRead()
    {
        var inventory = Scan(Region(Peer, "eu-west-1", [Group("sg-0000000000000b001", Peer)]));

        Assert.True(StaleReferenceOutcome(inventory).Passed);
    }

    /// <summary>Our us-east-1, whose one group references the peer's sg-…b0ff, plus <paramref name="peer"/>.</summary>
    private static Inventory Scan(RegionInventory peer)
    {
        var reference = new GroupReferenceSource("sg-0000000000000b0ff") { UserId = Peer };
        var own = Region(Own, "us-east-1", [Group("sg-0000000000000a001", Own) with
        {
            Ingress = [new Permission(Direction.Ingress, IpProtocol.Tcp, [reference]) { Ports = new PortRange(443, 443) }],
        }]);
        return new Inventory([own, peer], []);
    }

    private static ResourceOutcome StaleReferenceOutcome(Inventory inventory)
    {
        var rules = RuleSetResolver.Resolve(RuleCatalogLoader.BuiltIn, ImmutableDictionary<string, RuleSettings>.Empty).Where(r => r.Id == "SGA013").ToImmutableArray();
        var result = RuleEngine.BuiltIn.Evaluate(RuleCatalogLoader.BuiltIn, inventory, rules);
        return Assert.Single(result.Outcomes, o => o.ResourceId == "sg-0000000000000a001");
    }

    private static RegionInventory Region(string account, string region, ImmutableArray<SecurityGroup> groups) =>
        new(account, region) { SecurityGroups = groups };

    private static SecurityGroup Group(string id, string account) => new(id, id, account) { VpcId = "vpc-1" };
}
