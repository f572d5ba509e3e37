using System.Collections.Frozen;
using System.Collections.Immutable;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// Builds the HTML report's own views on top of the shared <see cref="ReportViewModel"/>: the overview (chart,
/// breakdowns, compliance matrix), the findings filters and one card per failing resource. Other formats never see
/// these, so their output does not depend on them.
/// </summary>
public static class HtmlReportViewModelBuilder
{
    /// <summary>The longest bar, in pixels.</summary>
    public const int BarWidth = 240;

    /// <summary>Resource cards start expanded when there are at most this many (the demo account has 15).</summary>
    public const int OpenCardLimit = 30;

    /// <summary>
    /// At most this many cards, most severe first. 2,000 cards are about 9 MB at the benchmark's 14 rules per group,
    /// where all 77,736 failing groups would be 290 MB; the findings table still lists every finding.
    /// </summary>
    public const int CardLimit = 2_000;

    /// <summary>Overview tables with more rows than this start collapsed.</summary>
    public const int OpenBreakdownLimit = 20;

    /// <summary>The findings table shows "none" in the VPC column of findings outside a VPC; the VPC filter uses the same text.</summary>
    public const string NoVpc = "none";

    private const int ChartRowHeight = 26;

    private static readonly string[] SeverityOrder = ["critical", "high", "medium", "low", "info"];

    // A lookup, not Array.IndexOf: every one of 100,000s of findings is ranked.
    private static readonly FrozenDictionary<string, int> SeverityRanks = SeverityOrder.Select((s, i) => (s, i)).ToFrozenDictionary(p => p.s, p => p.i, StringComparer.Ordinal);

    public static HtmlReportViewModel Build(ScanResult result, ReportViewModel report)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(report);

        // One pass over the findings gathers each failing resource's findings and counts; everything else (cards,
        // breakdowns, filters, the rows' card numbers) is derived per resource, not per finding.
        var findings = report.Findings;
        var (resources, resourceOf) = Resources(findings);
        var groups = Groups(result, report, resources);
        var rows = ImmutableArray.CreateBuilder<FindingRowView>(findings.Length);
        for (var i = 0; i < findings.Length; i++)
        {
            rows.Add(new FindingRowView(findings[i], resources[resourceOf[i]].Card));
        }

        var accounts = Breakdown(resources, r => r.AccountId);
        var regions = Breakdown(resources, r => r.Region);
        var vpcs = Breakdown(resources, r => r.VpcKey);
        return new HtmlReportViewModel(report)
        {
            SeverityChart = SeverityChart(report),
            SeverityChartHeight = (SeverityOrder.Length * ChartRowHeight) + 4,
            Breakdowns =
            [
                BreakdownTable("account", "Account", accounts),
                BreakdownTable("region", "Region", regions),
                BreakdownTable("vpc", "VPC", vpcs),
            ],
            ComplianceMatrix = [.. report.Frameworks.Select(ComplianceBar)],
            Filters = Filters(report, accounts, regions, vpcs),
            FindingRows = rows.MoveToImmutable(),
            Groups = groups,
            AclGroups = groups.Count(g => !g.IsSecurityGroup),
            FailingResources = resources.Count,
        };
    }

    /// <summary>The Status column's word for a finding no suppression covers.</summary>
    public const string OpenStatus = "open";

    /// <summary>The Status column's word for a suppressed finding.</summary>
    public const string SuppressedStatus = "suppressed";

    private static (string, string, string, string) GroupKey(string accountId, string region, string kind, string resourceId) => (accountId, region, kind, resourceId);

    private static int Rank(string severity) => SeverityRanks.GetValueOrDefault(severity, -1);

    private static int Scale(int value, int max) => max == 0 ? 0 : (int)Math.Round((double)value * BarWidth / max, MidpointRounding.AwayFromZero);

    private static ImmutableArray<SeverityBarView> SeverityChart(ReportViewModel report)
    {
        var max = report.Severities.Max(s => s.Count);
        return [.. report.Severities.Select((s, i) => new SeverityBarView(s.Severity, s.Count, s.Gate, (i * ChartRowHeight) + 2, Math.Max(Scale(s.Count, max), s.Count > 0 ? 2 : 0), 80 + Scale(s.Count, max) + 6))];
    }

    /// <summary>
    /// Every resource with at least one finding, in the order of its first finding, and for each finding the index of
    /// its resource. Findings come in runs of one scope, so the scope is looked up once per run and each finding costs
    /// one string hash (not one of four strings).
    /// </summary>
    private static (List<ResourceTally> Resources, int[] ResourceOf) Resources(ImmutableArray<FindingView> findings)
    {
        var resources = new List<ResourceTally>();
        var resourceOf = new int[findings.Length];
        var byScope = new Dictionary<(string AccountId, string Region, string Kind), Dictionary<string, int>>();
        Dictionary<string, int>? current = null;
        FindingView? previous = null;
        for (var i = 0; i < findings.Length; i++)
        {
            var finding = findings[i];
            if (previous is null || !string.Equals(previous.AccountId, finding.AccountId, StringComparison.Ordinal)
                || !string.Equals(previous.Region, finding.Region, StringComparison.Ordinal) || !string.Equals(previous.ResourceKind, finding.ResourceKind, StringComparison.Ordinal))
            {
                if (!byScope.TryGetValue((finding.AccountId, finding.Region, finding.ResourceKind), out current))
                {
                    byScope.Add((finding.AccountId, finding.Region, finding.ResourceKind), current = new Dictionary<string, int>(StringComparer.Ordinal));
                }

                previous = finding;
            }

            if (!current!.TryGetValue(finding.ResourceId, out var index))
            {
                index = resources.Count;
                current.Add(finding.ResourceId, index);
                resources.Add(new ResourceTally(finding));
            }

            resources[index].Add(finding);
            resourceOf[i] = index;
        }

        return (resources, resourceOf);
    }

    /// <summary>Findings per account, region or VPC, summed over the resources (a resource lives in one account, region and VPC).</summary>
    private static Dictionary<string, BreakdownTally> Breakdown(List<ResourceTally> resources, Func<ResourceTally, string> keyOf)
    {
        var tallies = new Dictionary<string, BreakdownTally>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var rowKey = keyOf(resource);
            if (!tallies.TryGetValue(rowKey, out var tally))
            {
                tallies.Add(rowKey, tally = new BreakdownTally());
            }

            tally.Add(resource);
        }

        return tallies;
    }

    private static BreakdownTableView BreakdownTable(string key, string label, Dictionary<string, BreakdownTally> tallies)
    {
        var rows = tallies
            .OrderByDescending(t => t.Value.Count)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        var max = rows.Count == 0 ? 0 : rows[0].Value.Count;
        return new BreakdownTableView
        {
            Key = key,
            Label = label,
            Open = rows.Count <= OpenBreakdownLimit,
            Rows = [.. rows.Select(r => new BreakdownView
            {
                Key = r.Key,
                Count = r.Value.Count,
                Critical = r.Value.BySeverity[0],
                High = r.Value.BySeverity[1],
                Medium = r.Value.BySeverity[2],
                Low = r.Value.BySeverity[3],
                Info = r.Value.BySeverity[4],
                Resources = r.Value.Resources,
                Bar = Scale(r.Value.Count, max),
            })],
        };
    }

    private static ComplianceBarView ComplianceBar(FrameworkView framework)
    {
        var total = framework.Passed + framework.Failed + framework.NotAssessed;
        var fail = Scale(framework.Failed, total);
        var pass = Scale(framework.Passed, total);
        return new ComplianceBarView
        {
            Framework = framework,
            Controls = total,
            FailWidth = fail,
            PassX = fail,
            PassWidth = pass,
            NotAssessedX = fail + pass,
            NotAssessedWidth = total == 0 ? 0 : BarWidth - fail - pass,
        };
    }

    private static ImmutableArray<FilterView> Filters(ReportViewModel report, Dictionary<string, BreakdownTally> accounts, Dictionary<string, BreakdownTally> regions, Dictionary<string, BreakdownTally> vpcs)
    {
        // The account, region and VPC options count the same findings as the overview's breakdown rows.
        static FilterView Distinct(string key, string label, Dictionary<string, BreakdownTally> tallies) => new(key, label, [.. tallies
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new FilterOptionView(t.Key, t.Key, t.Value.Count))]);

        var findings = report.Findings;
        var suppressed = report.SuppressionSummary.SuppressedFindings;

        // Only values that occur: a filter with nothing to choose is left out (Status when nothing was suppressed; baseline without --baseline).
        FilterView[] filters =
        [
            new("severity", "Severity", [.. report.Severities.Where(s => s.Count > 0).Select(s => new FilterOptionView(s.Severity, s.Severity, s.Count))]),
            new("baseline", "Baseline", report.Baseline is null ? [] : [.. findings
                .Where(f => f.BaselineText is not null)
                .GroupBy(f => f.BaselineText!, StringComparer.Ordinal)
                .OrderBy(g => g.Key == "New" ? 0 : 1)
                .Select(g => new FilterOptionView(g.Key, g.Key, g.Count()))]),
            new("rule", "Rule", [.. report.RulesWithFindings.Select(r => new FilterOptionView(r.Id, $"{r.Id} {r.Title}", r.FindingCount))]),
            Distinct("account", "Account", accounts),
            Distinct("region", "Region", regions),
            Distinct("vpc", "VPC", vpcs),
            new("status", "Status", suppressed == 0 ? [] : [.. new[] { (OpenStatus, findings.Length - suppressed), (SuppressedStatus, suppressed) }
                .Where(o => o.Item2 > 0)
                .Select(o => new FilterOptionView(o.Item1, o.Item1, o.Item2))]),
        ];
        return [.. filters.Where(f => !f.Options.IsEmpty)];
    }

    private static ImmutableArray<ResourceGroupView> Groups(ScanResult result, ReportViewModel report, List<ResourceTally> resources)
    {
        var ordered = resources
            .OrderBy(r => r.Worst)
            .ThenBy(r => r.AccountId, StringComparer.Ordinal)
            .ThenBy(r => r.Region, StringComparer.Ordinal)
            .ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.ResourceId, StringComparer.Ordinal)
            .Take(CardLimit)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Card = i + 1;
        }

        // The inventory objects of the resources that get a card, and the interfaces of those groups.
        var wanted = ordered
            .GroupBy(r => (r.AccountId, r.Region))
            .ToDictionary(scope => scope.Key, scope => scope.Select(r => r.ResourceId).ToHashSet(StringComparer.Ordinal));
        var groups = new Dictionary<(string, string, string, string), SecurityGroup>();
        var acls = new Dictionary<(string, string, string, string), NetworkAcl>();
        var interfaces = new Dictionary<(string, string, string, string), List<NetworkInterface>>();
        foreach (var region in result.Inventory.Regions)
        {
            if (!wanted.TryGetValue((region.AccountId, region.Region), out var ids))
            {
                continue;
            }

            foreach (var group in region.SecurityGroups)
            {
                if (ids.Contains(group.Id))
                {
                    groups[GroupKey(region.AccountId, region.Region, "security group", group.Id)] = group;
                }
            }

            foreach (var acl in region.NetworkAcls)
            {
                if (ids.Contains(acl.Id))
                {
                    acls[GroupKey(region.AccountId, region.Region, "network ACL", acl.Id)] = acl;
                }
            }

            foreach (var eni in region.NetworkInterfaces)
            {
                foreach (var groupId in eni.GroupIds)
                {
                    if (ids.Contains(groupId))
                    {
                        var key = GroupKey(region.AccountId, region.Region, "security group", groupId);
                        if (!interfaces.TryGetValue(key, out var list))
                        {
                            interfaces[key] = list = [];
                        }

                        list.Add(eni);
                    }
                }
            }
        }

        var rulesById = report.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var open = resources.Count <= OpenCardLimit;
        return [.. ordered.Select((g, i) =>
        {
            var first = g.Findings[0];
            var findingsByKey = g.Findings.ToLookup(f => f.EvidenceKey, StringComparer.Ordinal);
            var ruleKeys = new HashSet<string>(StringComparer.Ordinal);
            ImmutableArray<GroupRuleView> rules;
            string? description = null;
            ImmutableArray<TagView> tags = [];
            ImmutableArray<AttachmentView> attachments;
            if (groups.TryGetValue(g.Key, out var group))
            {
                rules = GroupRules(group, findingsByKey, ruleKeys);
                description = group.Description;
                tags = [.. group.Tags.Select(t => new TagView(t.Key, t.Value))];
                attachments = [.. interfaces.GetValueOrDefault(g.Key, []).OrderBy(e => e.Id, StringComparer.Ordinal).Select(Attachment)];
            }
            else if (acls.TryGetValue(g.Key, out var acl))
            {
                rules = AclRules(acl, findingsByKey, ruleKeys);
                tags = [.. acl.Tags.Select(t => new TagView(t.Key, t.Value))];
                attachments = [.. acl.SubnetIds.Order(StringComparer.Ordinal).Select(s => new AttachmentView { Id = s, Type = "subnet" })];
            }
            else
            {
                rules = [];
                attachments = [];
            }

            var ruleIds = g.Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            return new ResourceGroupView
            {
                Index = i + 1,
                ResourceKind = first.ResourceKind,
                IsSecurityGroup = group is not null || first.ResourceType == "AWS::EC2::SecurityGroup",
                ResourceId = first.ResourceId,
                ResourceName = first.ResourceName,
                AccountId = first.AccountId,
                Region = first.Region,
                VpcId = first.VpcId,
                Description = description,
                Tags = tags,
                Severity = SeverityOrder[g.Worst],
                FindingCount = g.Findings.Count,
                SuppressedCount = g.Findings.Count(f => f.Suppression is not null),
                RuleIds = ruleIds,
                Rules = rules,
                ResourceFindings = [.. g.Findings.Where(f => !ruleKeys.Contains(f.EvidenceKey)).Select(RuleFinding)],
                Attachments = attachments,
                Attribution = first.Attribution,
                Commands = Commands(g.Findings, rules, ruleKeys),
                Fixes = [.. ruleIds.Select(id => rulesById[id]).Select(r => new GroupFixView(r.Id, r.Severity, r.Title, r.Remediation.Text, r.Remediation.Cli))],
                Open = open,
            };
        })];
    }

    // The evidence key without the detail: what identifies the permission-and-source or ACL entry a finding is about.
    private static ImmutableArray<GroupRuleView> GroupRules(SecurityGroup group, ILookup<string, FindingView> findings, HashSet<string> keys)
    {
        var rules = ImmutableArray.CreateBuilder<GroupRuleView>();
        foreach (var permission in group.Ingress.Concat(group.Egress))
        {
            if (permission.Sources.IsEmpty)
            {
                rules.Add(GroupRule(group, permission, null, findings, keys));
            }

            foreach (var source in permission.Sources)
            {
                rules.Add(GroupRule(group, permission, source, findings, keys));
            }
        }

        return rules.ToImmutable();
    }

    private static GroupRuleView GroupRule(SecurityGroup group, Permission permission, TrafficSource? source, ILookup<string, FindingView> findings, HashSet<string> keys)
    {
        var evidence = Evidence.ForPermission(permission, source, "");
        var key = evidence.Key;
        keys.Add(key);
        var matches = RuleFindings(findings[key]);
        return new GroupRuleView
        {
            Direction = permission.Direction == Direction.Ingress ? "ingress" : "egress",
            Permission = evidence.Permission,
            Source = evidence.Source,
            Description = source?.Description,
            Offending = !matches.IsEmpty,
            Findings = matches,
            Fix = matches.IsEmpty ? null : FixCommands.Revoke(findings[key].First().Region, group.Id, permission, source),
        };
    }

    private static ImmutableArray<GroupRuleView> AclRules(NetworkAcl acl, ILookup<string, FindingView> findings, HashSet<string> keys) =>
    [
        .. acl.Entries
            .OrderBy(e => e.Direction)
            .ThenBy(e => e.RuleNumber)
            .Select(entry =>
            {
                var evidence = Evidence.ForAclEntry(entry, "");
                var key = evidence.Key;
                keys.Add(key);
                var matches = RuleFindings(findings[key]);
                return new GroupRuleView
                {
                    Direction = entry.Direction == Direction.Ingress ? "ingress" : "egress",
                    Permission = evidence.Permission,
                    Source = evidence.Source,
                    RuleNumber = entry.RuleNumber,
                    Action = entry.Action == RuleAction.Allow ? "allow" : "deny",
                    Offending = !matches.IsEmpty,
                    Findings = matches,
                };
            }),
    ];

    private static ImmutableArray<GroupRuleFindingView> RuleFindings(IEnumerable<FindingView> findings) =>
        [.. findings.Select(RuleFinding)];

    private static GroupRuleFindingView RuleFinding(FindingView finding) =>
        new(finding.RuleId, finding.Severity, finding.Detail) { Suppression = finding.Suppression };

    private static ImmutableArray<string> Commands(List<FindingView> findings, ImmutableArray<GroupRuleView> rules, HashSet<string> ruleKeys)
    {
        var first = findings[0];
        var commands = rules.Where(r => r.Fix is not null).Select(r => r.Fix!).ToList();

        // An unused group's fix is to delete it (its rules may be fine).
        if (first.ResourceType == "AWS::EC2::SecurityGroup" && findings.Any(f => f.Permission == "-" && !ruleKeys.Contains(f.EvidenceKey)))
        {
            commands.Add(FixCommands.Delete(first.Region, first.ResourceId));
        }

        return [.. commands];
    }

    private static AttachmentView Attachment(NetworkInterface eni) => new()
    {
        Id = eni.Id,
        Type = eni.InterfaceType,
        InstanceId = eni.InstanceId,
        PrivateIp = eni.PrivateIpAddress,
        PublicIp = eni.PublicIp,
        Status = eni.Status,
        Description = string.IsNullOrEmpty(eni.Description) ? null : eni.Description,
    };

    /// <summary>One failing resource: its findings in finding order and their counts.</summary>
    private sealed class ResourceTally(FindingView first)
    {
        public string AccountId { get; } = first.AccountId;

        public string Region { get; } = first.Region;

        public string Kind { get; } = first.ResourceKind;

        public string ResourceId { get; } = first.ResourceId;

        public string VpcKey { get; } = first.VpcId ?? NoVpc;

        /// <summary>The resource's key in the inventory lookups.</summary>
        public (string, string, string, string) Key => GroupKey(AccountId, Region, Kind, ResourceId);

        public List<FindingView> Findings { get; } = [];

        public int[] BySeverity { get; } = new int[SeverityOrder.Length];

        /// <summary>The rank of the most severe finding (0 = critical).</summary>
        public int Worst { get; private set; } = int.MaxValue;

        /// <summary>The number of the resource's card (<c>#g-N</c>), or 0 when it has none.</summary>
        public int Card { get; set; }

        public void Add(FindingView finding)
        {
            Findings.Add(finding);
            var rank = Rank(finding.Severity);
            if (rank >= 0)
            {
                BySeverity[rank]++;
            }

            Worst = Math.Min(Worst, rank);
        }
    }

    /// <summary>One breakdown row's counts, summed over its resources.</summary>
    private sealed class BreakdownTally
    {
        private readonly HashSet<(string Kind, string Id)> _resources = [];

        public int Count { get; private set; }

        public int[] BySeverity { get; } = new int[SeverityOrder.Length];

        public int Resources => _resources.Count;

        public void Add(ResourceTally resource)
        {
            Count += resource.Findings.Count;
            for (var rank = 0; rank < BySeverity.Length; rank++)
            {
                BySeverity[rank] += resource.BySeverity[rank];
            }

            _resources.Add((resource.Kind, resource.ResourceId));
        }
    }
}
