using System.Collections.Immutable;
using SgAudit.Core.Compliance;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Engine;

/// <summary>A control fails with the number of distinct resources that fail any rule mapped to it.</summary>
public sealed class ComplianceEvaluatorTests
{
    private const string Account = "111122223333";

    [Fact]
    public void Should_CountDistinctFailingResourcesPerControl_When_ControlsShareRules()
    {
        var builtIn = RuleCatalogLoader.BuiltIn;
        var framework = new ComplianceFramework("test", "Test framework", "1.0", "TF v1.0",
        [
            new ComplianceControl("A", "SGA001 only", ["SGA001"]),
            new ComplianceControl("AB", "SGA001 and SGA002", ["SGA001", "SGA002"]),
            new ComplianceControl("BA", "the same rules in the other order", ["SGA002", "SGA001", "SGA002"]),
            new ComplianceControl("B", "SGA002 only", ["SGA002"]),
            new ComplianceControl("C", "a rule that passed everywhere", ["SGA004"]),
            new ComplianceControl("none", "no rule", []),
        ]);
        var catalog = builtIn with { Frameworks = [framework] };
        var rules = RuleSetResolver.Resolve(builtIn, new Dictionary<string, RuleSettings>());
        ImmutableArray<ResourceOutcome> outcomes =
        [
            Outcome("SGA001", "us-east-1", "sg-1", passed: false),
            Outcome("SGA001", "us-east-1", "sg-2", passed: false),
            Outcome("SGA001", "us-east-1", "sg-3", passed: true),
            Outcome("SGA002", "us-east-1", "sg-2", passed: false), // also fails SGA001: counted once
            Outcome("SGA002", "eu-west-1", "sg-2", passed: false), // same id, another region: another resource
            Outcome("SGA002", "us-east-1", "sg-3", passed: false),
            Outcome("SGA004", "us-east-1", "sg-1", passed: true),
        ];

        var results = ComplianceEvaluator.Evaluate(catalog, rules, ResourceOutcomes.From(outcomes), []).ToDictionary(r => r.Control.Id);

        Assert.Equal((ComplianceStatus.Fail, 2), (results["A"].Status, results["A"].FailingResources));
        Assert.Equal((ComplianceStatus.Fail, 4), (results["AB"].Status, results["AB"].FailingResources));
        Assert.Equal((ComplianceStatus.Fail, 4), (results["BA"].Status, results["BA"].FailingResources));
        Assert.Equal((ComplianceStatus.Fail, 3), (results["B"].Status, results["B"].FailingResources));
        Assert.Equal((ComplianceStatus.Pass, 0), (results["C"].Status, results["C"].FailingResources));
        Assert.Equal(ComplianceStatus.NotAssessed, results["none"].Status);
    }

    private static ResourceOutcome Outcome(string ruleId, string region, string groupId, bool passed) =>
        new(ruleId, Account, region, ResourceKind.SecurityGroup, groupId, passed);
}
