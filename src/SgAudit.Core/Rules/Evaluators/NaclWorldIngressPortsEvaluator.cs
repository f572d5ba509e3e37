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
            // Which (protocol, ports) each offending entry lets in, in entry order for stable output.
            var offending = new SortedDictionary<int, (NetworkAclEntry Entry, List<(IpProtocol Protocol, PortRange Ports)> Hits)>();
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var worldEntries = acl.Entries
                    .Where(e => e.Direction == Direction.Ingress && e.IsWorld && e.Cidr.BaseAddress.AddressFamily == family)
                    .OrderBy(e => e.RuleNumber)
                    .ToList();

                foreach (var protocol in protocols)
                {
                    foreach (var item in ports.Items)
                    {
                        // Within one segment every port meets the same entries, so one port decides for all of it.
                        var starts = SegmentStarts(worldEntries, protocol, item);
                        for (var s = 0; s < starts.Count; s++)
                        {
                            var segment = new PortRange(starts[s], s + 1 < starts.Count ? starts[s + 1] - 1 : item.To);
                            foreach (var entry in worldEntries)
                            {
                                if (!entry.Matches(protocol, segment.From))
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

                                    AddHit(slot.Hits, protocol, segment, item);
                                }

                                if (ordered)
                                {
                                    break; // the first matching entry decides
                                }
                            }
                        }
                    }
                }
            }

            var violations = offending.Values
                .Select(o => Evidence.ForAclEntry(o.Entry, string.Create(CultureInfo.InvariantCulture, $"rule #{o.Entry.RuleNumber} allows {string.Join(", ", o.Hits.Select(h => $"{h.Protocol.Name}/{h.Ports}"))}")))
                .ToImmutableArray();
            yield return ResourceVerdict.For(acl, violations);
        }
    }

    /// <summary>
    /// Where the ports of <paramref name="item"/> are cut by the port ranges of the entries: ascending, the first
    /// is item.From. A single port is one segment.
    /// </summary>
    private static List<int> SegmentStarts(List<NetworkAclEntry> entries, IpProtocol protocol, PortRange item)
    {
        var starts = new SortedSet<int> { item.From };
        if (item.From != item.To)
        {
            foreach (var entry in entries)
            {
                if (entry.Protocol == protocol && entry.Ports is { } range)
                {
                    if (range.From > item.From && range.From <= item.To)
                    {
                        starts.Add(range.From);
                    }

                    if (range.To >= item.From && range.To < item.To)
                    {
                        starts.Add(range.To + 1);
                    }
                }
            }
        }

        return [.. starts];
    }

    /// <summary>Records a hit, joining it to the previous one when both are adjacent parts of the same listed item.</summary>
    private static void AddHit(List<(IpProtocol Protocol, PortRange Ports)> hits, IpProtocol protocol, PortRange segment, PortRange item)
    {
        if (hits.Count > 0 && hits[^1] is var (lastProtocol, last) && lastProtocol == protocol
            && last.To + 1 == segment.From && item.Contains(last.From))
        {
            hits[^1] = (protocol, new PortRange(last.From, segment.To));
            return;
        }

        hits.Add((protocol, segment));
    }
}
