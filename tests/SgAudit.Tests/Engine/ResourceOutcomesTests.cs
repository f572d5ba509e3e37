using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Engine;

/// <summary>The outcomes are stored one list per rule and scope; read as one list they must be the outcomes given, in order.</summary>
public sealed class ResourceOutcomesTests
{
    private static readonly ResourceOutcome[] Given =
    [
        Outcome("SGA001", "us-east-1", "sg-1", passed: false),
        Outcome("SGA001", "us-east-1", "sg-2", passed: true),
        Outcome("SGA001", "eu-west-1", "sg-3", passed: true),
        Outcome("SGA002", "eu-west-1", "sg-3", passed: false),
        Outcome("SGA001", "us-east-1", "sg-4", passed: false), // the same rule and scope again, later: a list of its own
    ];

    [Fact]
    public void Should_StartAListAtEachChangeOfRuleOrScope_When_BuiltFromOutcomes()
    {
        var outcomes = ResourceOutcomes.From(Given);

        Assert.Equal(
            [("SGA001", "us-east-1", 2), ("SGA001", "eu-west-1", 1), ("SGA002", "eu-west-1", 1), ("SGA001", "us-east-1", 1)],
            outcomes.ByRuleAndScope.Select(l => (l.RuleId, l.Region, l.Count)));
        Assert.Equal(Given, outcomes);
        Assert.Equal(["sg-1"], outcomes.ByRuleAndScope[0].FailingResourceIds);
    }

    [Fact]
    public void Should_IndexAcrossEmptyLists_When_SomeRulesHadNothingToAssess()
    {
        // Given lists with empty ones first, between and last
        var lists = new[] { Array.Empty<ResourceOutcome>(), Given[..2], [], [], Given[2..3], Given[3..], [] }
            .SelectMany(part => part.Length == 0 ? [new RuleOutcomes("SGA010", "111122223333", "us-east-1", [])] : ResourceOutcomes.From(part).ByRuleAndScope)
            .ToArray();
        var outcomes = new ResourceOutcomes([.. lists]);

        // Then
        Assert.Equal(Given.Length, outcomes.Count);
        Assert.Equal(Given, Enumerable.Range(0, outcomes.Count).Select(i => outcomes[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => outcomes[Given.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => outcomes[-1]);
    }

    private static ResourceOutcome Outcome(string ruleId, string region, string groupId, bool passed) =>
        new(ruleId, "111122223333", region, ResourceKind.SecurityGroup, groupId, passed);
}
