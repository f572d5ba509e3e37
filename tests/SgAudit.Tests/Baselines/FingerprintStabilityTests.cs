using System.Collections.Immutable;
using System.Net;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Baselines;

/// <summary>
/// A finding's identity for baselines and diffs is its fingerprint: the same for the same rule, account, region,
/// resource and offending permission in every scan, whatever else the group holds or in which order anything is listed.
/// </summary>
public sealed class FingerprintStabilityTests
{
    private static readonly CidrSource World = new(IPNetwork.Parse("0.0.0.0/0"));
    private static readonly CidrSource Office = new(IPNetwork.Parse("198.51.100.0/24"));
    private static readonly Permission Ssh = new(Direction.Ingress, IpProtocol.Tcp, [World]) { Ports = new PortRange(22, 22) };

    [Fact]
    public void Should_GiveTheSameFingerprints_When_TheSameStateIsScannedTwice()
    {
        var inventory = Inventory([Group("sg-0000000000000000a", Ssh)]);

        Assert.Equal(Fingerprints(inventory), Fingerprints(inventory));
    }

    [Fact]
    public void Should_KeepTheFingerprintsOfAPermission_When_OtherPermissionsGroupsAndRegionsAreAddedAndReordered()
    {
        // Given a group whose only permission is SSH from anywhere
        var before = Inventory([Group("sg-0000000000000000a", Ssh)]);

        // And the same group later: other permissions listed before it, the world source listed after another source
        // of the same permission, another failing group before it, and another region listed first
        var rdp = new Permission(Direction.Ingress, IpProtocol.Tcp, [World]) { Ports = new PortRange(3389, 3389) };
        var https = new Permission(Direction.Ingress, IpProtocol.Tcp, [Office]) { Ports = new PortRange(443, 443) };
        var sshBoth = Ssh with { Sources = [Office, World] };
        var after = new Inventory(
        [
            new RegionInventory("111122223333", "ap-south-1") { SecurityGroups = [Group("sg-00000000000000009", rdp)] },
            .. Inventory([Group("sg-00000000000000001", rdp), Group("sg-0000000000000000a", https, rdp, sshBoth)]).Regions,
        ], []);

        // When both are scanned
        var first = Fingerprints(before);
        var second = Fingerprints(after);

        // Then every SSH finding of the group has the fingerprint it had, and the new ones have others
        Assert.Equal(["SGA001", "SGA004", "SGA008", "SGA011"], first.Keys.Select(k => k.RuleId).Order(StringComparer.Ordinal));
        foreach (var (key, fingerprint) in first)
        {
            Assert.Equal(fingerprint, second[key]);
        }

        Assert.Equal(second.Count, second.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(second.Where(p => p.Key.Evidence.Contains("3389", StringComparison.Ordinal)).Select(p => p.Value).Intersect(first.Values));
    }

    [Fact]
    public void Should_ChangeTheFingerprint_When_TheOffendingSourceOrTheGroupIsAnother()
    {
        var world6 = new CidrSource(IPNetwork.Parse("::/0"));
        var original = Fingerprints(Inventory([Group("sg-0000000000000000a", Ssh)]));
        var otherSource = Fingerprints(Inventory([Group("sg-0000000000000000a", Ssh with { Sources = [world6] })]));
        var otherGroup = Fingerprints(Inventory([Group("sg-0000000000000000b", Ssh)]));

        Assert.Empty(original.Values.Intersect(otherSource.Values));
        Assert.Empty(original.Values.Intersect(otherGroup.Values));
    }

    private static SecurityGroup Group(string id, params Permission[] ingress) =>
        new(id, $"group-{id}", "111122223333") { VpcId = "vpc-1", Ingress = [.. ingress] };

    private static Inventory Inventory(ImmutableArray<SecurityGroup> groups) =>
        new([new RegionInventory("111122223333", "us-east-1") { Vpcs = [new Vpc("vpc-1")], SecurityGroups = groups }], []);

    /// <summary>(rule, resource, evidence key) → fingerprint, for the findings of the rules that look at ingress ports.</summary>
    private static Dictionary<(string RuleId, string ResourceId, string Evidence), string> Fingerprints(Inventory inventory)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        var rules = RuleSetResolver.Resolve(catalog, new Dictionary<string, RuleSettings>());
        return RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules).Findings
            .Where(f => f.Evidence.Direction == Direction.Ingress && f.Region == "us-east-1")
            .ToDictionary(f => (f.RuleId, f.ResourceId, f.Evidence.Key), f => f.Fingerprint);
    }
}
