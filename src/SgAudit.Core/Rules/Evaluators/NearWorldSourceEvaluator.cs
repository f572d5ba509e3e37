using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.Model;

namespace SgAudit.Core.Rules.Evaluators;

/// <summary>
/// Inbound CIDR sources that are not the world (/0) but nearly as wide: a prefix shorter than the family's
/// threshold that reaches public address space (0.0.0.0/1 + 128.0.0.0/1 is 0.0.0.0/0 in two halves). The world
/// CIDRs themselves are left to the world rules.
/// </summary>
public sealed class NearWorldSourceEvaluator : IRuleEvaluator
{
    private static readonly TextCache<(bool IPv6, int Prefix)> Details = new(256);

    public string Family => "near-world-source";

    public ResourceKind ResourceKind => ResourceKind.SecurityGroup;

    public ImmutableArray<string> ParameterNames { get; } = ["ipv4PrefixBelow", "ipv6PrefixBelow"];

    public ImmutableArray<InventoryPart> RequiredParts { get; } = [InventoryPart.SecurityGroups];

    public IEnumerable<ResourceVerdict> Evaluate(RegionContext region, RuleParameters parameters)
    {
        var ipv4Below = parameters.GetInteger("ipv4PrefixBelow");
        var ipv6Below = parameters.GetInteger("ipv6PrefixBelow");

        foreach (var group in region.Inventory.SecurityGroups)
        {
            ImmutableArray<Evidence>.Builder? violations = null; // most groups pass: allocate only on a violation
            foreach (var permission in group.Ingress)
            {
                if (permission.WidestIPv4SourcePrefix >= ipv4Below && permission.WidestIPv6SourcePrefix >= ipv6Below)
                {
                    continue; // no source is wide enough: most permissions, whose sources are not visited at all
                }

                foreach (var source in permission.Sources)
                {
                    if (source is not CidrSource { IsWorld: false } cidr)
                    {
                        continue;
                    }

                    var prefix = cidr.Network.PrefixLength;
                    if (prefix >= (cidr.IsIPv6 ? ipv6Below : ipv4Below) || !PublicAddressSpace.Overlaps(cidr.Network))
                    {
                        continue;
                    }

                    var detail = Details.GetOrAdd((cidr.IsIPv6, prefix), 0, static (key, _) => Describe(key.IPv6, key.Prefix));
                    (violations ??= ImmutableArray.CreateBuilder<Evidence>()).Add(Evidence.ForPermission(permission, source, detail));
                }
            }

            yield return ResourceVerdict.For(group, violations?.ToImmutable() ?? []);
        }
    }

    /// <summary>"covers 2^31 addresses (/1), 50% of IPv4".</summary>
    private static string Describe(bool ipv6, int prefix)
    {
        var bits = (ipv6 ? 128 : 32) - prefix;
        // Percentages stay readable down to /19 (0.000191%); narrower shares are written as a power of two.
        var share = prefix <= 19
            ? (100.0 / (1 << prefix)).ToString("G3", CultureInfo.InvariantCulture) + "%"
            : string.Create(CultureInfo.InvariantCulture, $"1/2^{prefix}");
        return string.Create(CultureInfo.InvariantCulture, $"covers 2^{bits} addresses (/{prefix}), {share} of {(ipv6 ? "IPv6" : "IPv4")}");
    }
}
