using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using SgAudit.Core.Compliance;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>Runs resolved rules over an inventory. Pure: no I/O, clock or logging; the same input gives the same output.</summary>
public sealed class RuleEngine(FrozenDictionary<string, IRuleEvaluator> evaluators)
{
    public static RuleEngine BuiltIn { get; } = new(BuiltInEvaluators.All);

    public EvaluationResult Evaluate(RuleCatalog catalog, Inventory inventory, ImmutableArray<ResolvedRule> rules, CancellationToken cancellationToken = default)
    {
        var findings = new List<Finding>();
        var outcomes = new List<ResourceOutcome>();
        var gaps = new List<RuleGap>();
        foreach (var rule in rules)
        {
            if (!evaluators.TryGetValue(rule.Definition.Implementation, out var evaluator))
            {
                throw new CatalogException($"{rule.Id}/rule.json", $"implementation '{rule.Definition.Implementation}' is not a registered evaluator family");
            }
        }

        foreach (var region in inventory.Regions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = new RegionContext(region);
            foreach (var rule in rules)
            {
                var evaluator = evaluators[rule.Definition.Implementation];
                var missing = evaluator.RequiredParts.Where(region.MissingParts.Contains).ToList();
                if (missing.Count > 0)
                {
                    gaps.Add(new RuleGap(rule.Id, region.AccountId, region.Region, $"the input has no {string.Join(" or ", missing.Select(PartName))}"));
                    continue;
                }

                foreach (var verdict in evaluator.Evaluate(context, rule.Parameters))
                {
                    outcomes.Add(new ResourceOutcome(rule.Id, region.AccountId, region.Region, verdict.Kind, verdict.ResourceId, verdict.Passed));
                    foreach (var evidence in verdict.Violations)
                    {
                        findings.Add(CreateFinding(rule, region, verdict, evidence));
                    }
                }
            }
        }

        foreach (var scope in inventory.NotAssessed)
        {
            gaps.AddRange(rules.Select(rule => new RuleGap(rule.Id, scope.AccountId, scope.Region, $"{scope.ErrorCode}: {scope.Message}")));
        }

        findings.Sort(FindingOrder.Instance);
        var frozenOutcomes = outcomes.ToImmutableArray();
        var frozenGaps = gaps.ToImmutableArray();
        var controls = ComplianceEvaluator.Evaluate(catalog, rules, frozenOutcomes, frozenGaps);
        return new EvaluationResult([.. findings], frozenOutcomes, controls) { Gaps = frozenGaps };
    }

    private static Finding CreateFinding(ResolvedRule rule, RegionInventory region, ResourceVerdict verdict, Evidence evidence)
    {
        var arn = verdict.Arn ?? Arns.For(verdict.Kind, region.AccountId, region.Region, verdict.ResourceId);
        return new Finding(rule.Id, rule.Severity, region.AccountId, region.Region, verdict.Kind, verdict.ResourceId, verdict.ResourceName)
        {
            VpcId = verdict.VpcId,
            ResourceArn = arn,
            Evidence = evidence,
            Message = MessageFormatter.Format(rule.Definition.Message, verdict, evidence),
            Fingerprint = Fingerprint(rule.Id, region.AccountId, region.Region, verdict.ResourceId, evidence.Key),
        };
    }

    private static string PartName(InventoryPart part) => part switch
    {
        InventoryPart.Vpcs => "VPCs",
        InventoryPart.SecurityGroups => "security groups",
        InventoryPart.NetworkInterfaces => "network interfaces",
        InventoryPart.NetworkAcls => "network ACLs",
        _ => part.ToString(),
    };

    private static string Fingerprint(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
