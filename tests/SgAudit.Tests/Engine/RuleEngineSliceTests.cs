using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Engine;

/// <summary>
/// The engine evaluates a large region in slices of <see cref="RuleEngine.SliceSize"/> groups, every rule over one
/// slice in turn. Results must not show the seams: one outcome per resource in id order, findings in FindingOrder,
/// resources a rule skips left out, and relations between groups in different slices seen whole.
/// </summary>
public sealed class RuleEngineSliceTests
{
    private const string Account = "111122223333";
    private const string Region = "us-east-1";

    /// <summary>Three and a bit slices, so that the last one is partial.</summary>
    private static readonly int GroupCount = (3 * RuleEngine.SliceSize) + 7;

    private static readonly CidrSource World = new(IPNetwork.Parse("0.0.0.0/0"));

    [Fact]
    public void Should_GiveEveryGroupOneOutcomeInIdOrder_When_TheRegionSpansSeveralSlices()
    {
        // Given groups listed in reverse id order, every tenth open to SSH from the world
        var groups = Enumerable.Range(0, GroupCount).Reverse().Select(i => Group(i, ssh: i % 10 == 0)).ToImmutableArray();

        // When
        var result = Evaluate(RegionWith(groups));

        // Then SGA004 has an outcome for every group, in id order, failing exactly the open ones
        var outcomes = result.Outcomes.Where(o => o.RuleId == "SGA004").ToList();
        Assert.Equal(Enumerable.Range(0, GroupCount).Select(Id), outcomes.Select(o => o.ResourceId));
        Assert.Equal(Enumerable.Range(0, GroupCount).Where(i => i % 10 == 0).Select(Id), outcomes.Where(o => !o.Passed).Select(o => o.ResourceId));
        Assert.Equal(Enumerable.Range(0, GroupCount).Where(i => i % 10 == 0).Select(Id), result.Findings.Where(f => f.RuleId == "SGA004").Select(f => f.ResourceId));
        Assert.Equal(result.Findings.Order(FindingOrder.Instance), result.Findings);
    }

    [Fact]
    public void Should_ListOnlyTheGroupsARuleAppliesTo_When_ItSkipsGroupsInEverySlice()
    {
        // Given default groups (the only ones SGA003 applies to) scattered over every slice, two of them open
        var defaults = new[] { 3, RuleEngine.SliceSize - 1, RuleEngine.SliceSize, (2 * RuleEngine.SliceSize) + 100, GroupCount - 1 };
        var groups = Enumerable.Range(0, GroupCount)
            .Select(i => Group(i, ssh: i == defaults[1] || i == defaults[3], name: defaults.Contains(i) ? "default" : null))
            .ToImmutableArray();

        // When
        var result = Evaluate(RegionWith(groups));

        // Then
        var outcomes = result.Outcomes.Where(o => o.RuleId == "SGA003").ToList();
        Assert.Equal(defaults.Select(Id), outcomes.Select(o => o.ResourceId));
        Assert.Equal([Id(defaults[1]), Id(defaults[3])], outcomes.Where(o => !o.Passed).Select(o => o.ResourceId));
        Assert.Equal(GroupCount, result.Outcomes.Count(o => o.RuleId == "SGA004"));
    }

    [Fact]
    public void Should_SeeGroupsInOtherSlices_When_AGroupReferencesThem()
    {
        // Given a group in the first slice whose inbound rules reference a group in the last slice and one that does not exist
        var referenced = Id(GroupCount - 2);
        var groups = Enumerable.Range(0, GroupCount)
            .Select(i => i == 1
                ? Group(i, ssh: false) with
                {
                    Ingress =
                    [
                        new Permission(Direction.Ingress, IpProtocol.Tcp, [new GroupReferenceSource(referenced), new GroupReferenceSource("sg-0ffffffffffffffff")]) { Ports = new PortRange(443, 443) },
                    ],
                }
                : Group(i, ssh: false))
            .ToImmutableArray();
        var settings = new Dictionary<string, RuleSettings> { ["SGA006"] = new() { Variant = "sg-reference-counts" } };

        // When
        var result = Evaluate(RegionWith(groups), settings);

        // Then the stale reference rule fails only the missing group, and the referenced group counts as used
        var stale = Assert.Single(result.Findings, f => f.RuleId == "SGA013");
        Assert.Equal((Id(1), "sg-0ffffffffffffffff"), (stale.ResourceId, stale.Evidence.Source));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "SGA006" && f.ResourceId == referenced);
        Assert.Contains(result.Findings, f => f.RuleId == "SGA006" && f.ResourceId == Id(GroupCount - 3));
    }

    [Fact]
    public void Should_SortTheFindings_When_AnEvaluatorGivesVerdictsOutOfOrder()
    {
        // Given an evaluator that fails every group of its slice, last group first, with evidence out of order
        var engine = EngineWith(new TestEvaluator(groups => groups.Reverse().Select(g => ResourceVerdict.For(g, [new Evidence("-", "2", "b"), new Evidence("-", "1", "a")]))));
        var groups = Enumerable.Range(0, GroupCount).Select(i => Group(i, ssh: false)).ToImmutableArray();

        // When
        var result = engine.Evaluate(RuleCatalogLoader.BuiltIn, new Inventory([RegionWith(groups)], []), [TestRule]);

        // Then
        Assert.Equal(2 * GroupCount, result.Findings.Length);
        Assert.Equal(result.Findings.Order(FindingOrder.Instance).Select(Describe), result.Findings.Select(Describe));
    }

    [Fact]
    public void Should_Throw_When_AnEvaluatorGivesMoreVerdictsThanResources()
    {
        // Given a broken evaluator that gives each group's verdict twice
        var engine = EngineWith(new TestEvaluator(groups => groups.SelectMany(g => new[] { ResourceVerdict.For(g, []), ResourceVerdict.For(g, []) })));
        var inventory = new Inventory([RegionWith([Group(0, ssh: false), Group(1, ssh: false)])], []);

        var error = Assert.Throws<AggregateException>(() => engine.Evaluate(RuleCatalogLoader.BuiltIn, inventory, [TestRule]));

        Assert.Contains("more verdicts than the 2 resources", Assert.IsType<InvalidOperationException>(Assert.Single(error.InnerExceptions)).Message, StringComparison.Ordinal);
    }

    private static readonly ResolvedRule TestRule = new(
        new RuleDefinition("TST001", "test", "Test", Severity.High, ResourceKind.SecurityGroup, "test-family") { Message = "{resource}: {detail}" },
        RuleParameters.None);

    private static RuleEngine EngineWith(IRuleEvaluator evaluator) =>
        new(new Dictionary<string, IRuleEvaluator> { ["test-family"] = evaluator }.ToFrozenDictionary());

    private static EvaluationResult Evaluate(RegionInventory region, Dictionary<string, RuleSettings>? settings = null)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        return RuleEngine.BuiltIn.Evaluate(catalog, new Inventory([region], []), RuleSetResolver.Resolve(catalog, settings ?? []));
    }

    private static RegionInventory RegionWith(ImmutableArray<SecurityGroup> groups) => new(Account, Region)
    {
        Vpcs = [new Vpc("vpc-1")],
        SecurityGroups = groups,
        NetworkInterfaces = [new NetworkInterface("eni-1") { GroupIds = [Id(GroupCount - 1)] }],
    };

    private static string Id(int index) => $"sg-{index:x17}";

    private static SecurityGroup Group(int index, bool ssh, string? name = null) => new(Id(index), name ?? $"group-{index}", Account)
    {
        VpcId = "vpc-1",
        Ingress = ssh ? [new Permission(Direction.Ingress, IpProtocol.Tcp, [World]) { Ports = new PortRange(22, 22) }] : [],
    };

    private static string Describe(Finding f) => $"{f.RuleId} {f.ResourceId} {f.Evidence.Key}";

    /// <summary>A security-group rule family whose verdicts are whatever <paramref name="evaluate"/> makes of the groups it is given.</summary>
    private sealed class TestEvaluator(Func<ImmutableArray<SecurityGroup>, IEnumerable<ResourceVerdict>> evaluate) : IRuleEvaluator
    {
        public string Family => "test-family";

        public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

        public ImmutableArray<string> ParameterNames => [];

        public ImmutableArray<InventoryPart> RequiredParts => [InventoryPart.SecurityGroups];

        public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters) => evaluate(region.Inventory.SecurityGroups);
    }
}
