using System.Collections.Immutable;
using System.Globalization;
using System.Net.Sockets;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Network ACLs that let the listed ports in from 0.0.0.0/0 or ::/0. <c>ordered</c> (default) walks each family's
/// world entries by ascending rule number and lets the first match decide, as EC2 does; <c>any-allow-entry</c>
/// fails on any matching allow entry regardless of order (the literal CIS audit text).
/// </summary>
public sealed class NaclWorldIngressPortsEvaluator : IRuleEvaluator
{
    public const string Ordered = "ordered";
    public const string AnyAllowEntry = "any-allow-entry";

    public string Family => "nacl-world-ingress-ports";

    public ResourceKind ResourceKind => ResourceKind.NetworkAcl;

    public ImmutableArray<string> ParameterNames { get; } = ["ports", "protocols", "evaluation"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.NetworkAcls];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var ports = parameters.GetPorts("ports");
        var protocols = parameters.GetProtocols("protocols").Members;
        var ordered = parameters.GetChoice("evaluation") == Ordered;

        foreach (var acl in region.Inventory.NetworkAcls)
        {
            // Which (protocol, port) pairs each offending entry lets in, in entry order for stable output.
            var offending = new SortedDictionary<int, (NetworkAclEntry Entry, List<string> Hits)>();
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var worldEntries = acl.Entries
                    .Where(e => e.Direction == Direction.Ingress && e.IsWorld && e.Cidr.BaseAddress.AddressFamily == family)
                    .OrderBy(e => e.RuleNumber)
                    .ToList();

                foreach (var protocol in protocols)
                {
                    foreach (var port in ports)
                    {
                        foreach (var entry in worldEntries)
                        {
                            if (!entry.Matches(protocol, port))
                            {
                                continue;
                            }

                            if (entry.Action == RuleAction.Allow)
                            {
                                var key = (family == AddressFamily.InterNetworkV6 ? 1_000_000 : 0) + entry.RuleNumber;
                                if (!offending.TryGetValue(key, out var slot))
                                {
                                    slot = (entry, []);
                                    offending[key] = slot;
                                }

                                slot.Hits.Add(string.Create(CultureInfo.InvariantCulture, $"{protocol.Name}/{port}"));
                            }

                            if (ordered)
                            {
                                break; // the first matching entry decides
                            }
                        }
                    }
                }
            }

            var violations = offending.Values
                .Select(o => Evidence.ForAclEntry(o.Entry, string.Create(CultureInfo.InvariantCulture, $"rule #{o.Entry.RuleNumber} allows {string.Join(", ", o.Hits)}")))
                .ToImmutableArray();
            yield return ResourceVerdict.For(acl, violations);
        }
    }
}
