using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Core.Engine;

/// <summary>
/// One rule over one region. Its slices may be evaluated in any order, on any thread: each writes only its own part
/// of the outcomes and its own list of findings, and reading them back in slice order gives resource id order.
/// </summary>
internal sealed class RulePair
{
    /// <summary>One entry per resource of the rule's kind: slice i writes from its Start, as many as it has verdicts.</summary>
    private readonly RuleOutcomes.Entry[] _outcomes;
    private readonly int[] _outcomeCounts;
    private readonly List<Finding>?[] _findings;
    private readonly FindingFingerprint _fingerprint;
    private bool _outOfOrder;

    private static readonly Comparer<Evidence> EvidenceKeyOrder = Comparer<Evidence>.Create(static (x, y) => string.CompareOrdinal(x.Key, y.Key));

    private RulePair(RegionContext context, ResolvedRule rule, IRuleEvaluator evaluator, RuleGap? gap, bool assessable)
    {
        Context = context;
        Rule = rule;
        Evaluator = evaluator;
        Gap = gap;
        Assessable = assessable;
        var resources = !assessable ? 0 : evaluator.ResourceKind switch
        {
            ResourceKind.SecurityGroup => context.Inventory.SecurityGroups.Length,
            ResourceKind.NetworkAcl => context.Inventory.NetworkAcls.Length,
            _ => 0,
        };
        var slices = (resources + RuleEngine.SliceSize - 1) / RuleEngine.SliceSize;
        _outcomes = resources == 0 ? [] : new RuleOutcomes.Entry[resources];
        _outcomeCounts = new int[slices];
        _findings = new List<Finding>?[slices];
        _fingerprint = new FindingFingerprint(rule.Id, context.Inventory.AccountId, context.Inventory.Region);
    }

    public RegionContext Context { get; }

    public ResolvedRule Rule { get; }

    public IRuleEvaluator Evaluator { get; }

    /// <summary>Why the rule is not assessed in this region, when an input part it needs is missing.</summary>
    public RuleGap? Gap { get; }

    /// <summary>False when a part the rule needs is missing: then it has no outcomes and no findings here.</summary>
    public bool Assessable { get; }

    public int FindingCount => _findings.Sum(f => f?.Count ?? 0);

    public static RulePair Prepare(RegionContext context, ResolvedRule rule, IRuleEvaluator evaluator)
    {
        var region = context.Inventory;
        var missing = evaluator.RequiredParts.Where(region.MissingParts.Contains).ToList();
        if (missing.Count == 0)
        {
            return new RulePair(context, rule, evaluator, null, assessable: true);
        }

        var gap = HasNothingToAssess(evaluator, region)
            ? null
            : new RuleGap(rule.Id, region.AccountId, region.Region, $"the input has no {string.Join(" or ", missing.Select(PartName))}");
        return new RulePair(context, rule, evaluator, gap, assessable: false);
    }

    /// <summary>Evaluates the rule over one slice of the region; <paramref name="part"/> is the context with only that slice.</summary>
    /// <param name="part">The region's context narrowed to the slice.</param>
    /// <param name="slice">Which resources those are.</param>
    public void EvaluateSlice(RegionContext part, EvaluationSlice slice)
    {
        var region = Context.Inventory;
        var written = 0;
        PendingFindings? pending = null; // most slices of most rules find nothing
        string? lastFailing = null;
        foreach (var verdict in Evaluator.Evaluate(part, Rule.Parameters))
        {
            if (written == slice.Length)
            {
                throw new InvalidOperationException($"the {Evaluator.Family} evaluator gave more verdicts than the {slice.Length} resources it was given");
            }

            _outcomes[slice.Start + written++] = new RuleOutcomes.Entry(verdict.ResourceId, verdict.Kind, verdict.Passed);
            if (verdict.Violations.IsEmpty)
            {
                continue;
            }

            // Evaluators visit resources in id order, so a resource's findings only need sorting among themselves; a
            // verdict out of that order marks the pair for a whole sort.
            _outOfOrder |= lastFailing is not null && string.CompareOrdinal(lastFailing, verdict.ResourceId) >= 0;
            lastFailing = verdict.ResourceId;
            var arn = verdict.Arn ?? Arns.For(verdict.Kind, region.AccountId, region.Region, verdict.ResourceId); // once per resource
            foreach (var evidence in verdict.Violations.Length > 1 ? verdict.Violations.Sort(EvidenceKeyOrder) : verdict.Violations)
            {
                (pending ??= new PendingFindings(this)).Add(verdict, arn, evidence);
            }
        }

        _outcomeCounts[slice.Index] = written;
        _findings[slice.Index] = pending?.Finish();
    }

    /// <summary>Adds the pair's findings in resource and evidence order.</summary>
    /// <param name="all">The scan's findings so far.</param>
    public void AddFindingsTo(ImmutableArray<Finding>.Builder all)
    {
        var start = all.Count;
        Finding? previous = null;
        var ordered = !_outOfOrder;
        foreach (var findings in _findings)
        {
            if (findings is not { Count: > 0 })
            {
                continue;
            }

            // Slices follow each other in id order as long as each evaluator kept to its slice.
            ordered &= previous is null || string.CompareOrdinal(previous.ResourceId, findings[0].ResourceId) < 0;
            previous = findings[^1];
            all.AddRange(findings);
        }

        if (!ordered)
        {
            var pair = all.Skip(start).Order(FindingFactory.ResourceAndEvidenceOrder).ToList();
            all.Count = start;
            all.AddRange(pair);
        }
    }

    /// <summary>The pair's outcomes, in slice order; the whole buffer itself when every slice had a verdict for every resource.</summary>
    public RuleOutcomes Outcomes()
    {
        var region = Context.Inventory;
        var total = 0;
        for (var i = 0; i < _outcomeCounts.Length; i++)
        {
            // Close the gaps left by slices with fewer verdicts than resources.
            if (total != i * RuleEngine.SliceSize)
            {
                Array.Copy(_outcomes, i * RuleEngine.SliceSize, _outcomes, total, _outcomeCounts[i]);
            }

            total += _outcomeCounts[i];
        }

        var entries = total == _outcomes.Length ? _outcomes : _outcomes.AsSpan(0, total).ToArray();
        return new RuleOutcomes(Rule.Id, region.AccountId, region.Region, ImmutableCollectionsMarshal.AsImmutableArray(entries));
    }

    /// <summary>A rule whose own resources are present and empty has nothing to assess, whatever else is missing.</summary>
    private static bool HasNothingToAssess(IRuleEvaluator evaluator, RegionInventory region) => evaluator.ResourceKind switch
    {
        ResourceKind.SecurityGroup => !region.MissingParts.Contains(InventoryPart.SecurityGroups) && region.SecurityGroups.IsEmpty,
        ResourceKind.NetworkAcl => !region.MissingParts.Contains(InventoryPart.NetworkAcls) && region.NetworkAcls.IsEmpty,
        _ => false,
    };

    private static string PartName(InventoryPart part) => part switch
    {
        InventoryPart.Vpcs => "VPCs",
        InventoryPart.SecurityGroups => "security groups",
        InventoryPart.NetworkInterfaces => "network interfaces",
        InventoryPart.NetworkAcls => "network ACLs",
        _ => part.ToString(),
    };

    /// <summary>
    /// Findings waiting for their fingerprints: fingerprinted a batch at a time (FindingFingerprint hashes several
    /// together), then made in the order they were added.
    /// </summary>
    private sealed class PendingFindings(RulePair pair)
    {
        private readonly (ResourceVerdict Verdict, string Arn, Evidence Evidence)[] _batch = new (ResourceVerdict, string, Evidence)[FindingFingerprint.BatchSize];
        private readonly (string ResourceId, string EvidenceKey)[] _keys = new (string, string)[FindingFingerprint.BatchSize];
        private readonly string[] _fingerprints = new string[FindingFingerprint.BatchSize];
        private int _count;
        private List<Finding>? _findings;

        public void Add(ResourceVerdict verdict, string arn, Evidence evidence)
        {
            _batch[_count] = (verdict, arn, evidence);
            _keys[_count] = (verdict.ResourceId, evidence.Key);
            if (++_count == _batch.Length)
            {
                Flush();
            }
        }

        /// <summary>The findings made, or null when there were none.</summary>
        public List<Finding>? Finish()
        {
            Flush();
            return _findings;
        }

        private void Flush()
        {
            if (_count == 0)
            {
                return;
            }

            var region = pair.Context.Inventory;
            pair._fingerprint.Compute(_keys.AsSpan(0, _count), _fingerprints.AsSpan(0, _count));
            _findings ??= [];
            for (var i = 0; i < _count; i++)
            {
                var (verdict, arn, evidence) = _batch[i];
                _findings.Add(FindingFactory.Create(pair.Rule, region, verdict, arn, evidence, _fingerprints[i]));
            }

            _count = 0;
        }
    }
}
