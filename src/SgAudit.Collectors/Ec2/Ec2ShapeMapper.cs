using System.Collections.Immutable;
using System.Globalization;
using System.Net.Sockets;
using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Core.Model;

namespace SgAudit.Collectors.Ec2;

/// <summary>
/// The edge between AWS's shapes and SgAudit's typed model. Everything is validated here: unknown protocols,
/// ports outside 0–65535, FromPort above ToPort and malformed CIDRs are errors, never guessed.
/// </summary>
public static class Ec2ShapeMapper
{
    /// <summary>Bounds each thread's tables of parsed CIDRs and shared sources.</summary>
    private const int MaxCachedCidrs = 65_536;

    /// <summary>
    /// Permissions name the same CIDRs over and over: parse each distinct text once per thread (regions are mapped
    /// in parallel) and share the result, instead of a parse and an address object per source.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, System.Net.IPNetwork>? _cidrs;

    /// <summary>
    /// Sources are immutable records, and most are the same CIDR with the same description: share one object per
    /// (CIDR text, description), kept as the one-element sources array the usual one-source permission uses as it is.
    /// At a million permissions that is two million objects fewer for every full collection to walk and for the rules
    /// to visit (docs/performance.md).
    /// </summary>
    [ThreadStatic]
    private static Dictionary<(string Cidr, string? Description), ImmutableArray<TrafficSource>>? _cidrSources;

    public static SecurityGroup Map(SecurityGroupShape shape, string accountId)
    {
        var id = Required(shape.GroupId, "GroupId");
        return new SecurityGroup(id, shape.GroupName ?? "", shape.OwnerId ?? accountId)
        {
            Description = shape.Description ?? "",
            VpcId = shape.VpcId,
            Arn = shape.SecurityGroupArn,
            Tags = MapTags(shape.Tags, "Tags"),
            Ingress = MapPermissions(shape.IpPermissions, Direction.Ingress, "IpPermissions"),
            Egress = MapPermissions(shape.IpPermissionsEgress, Direction.Egress, "IpPermissionsEgress"),
        };
    }

    public static NetworkInterface Map(NetworkInterfaceShape shape)
    {
        var id = Required(shape.NetworkInterfaceId, "NetworkInterfaceId");
        var groups = ImmutableArray.CreateBuilder<string>(shape.Groups?.Count ?? 0);
        for (var i = 0; i < groups.Capacity; i++)
        {
            var groupId = (shape.Groups![i] ?? throw EmptyItem(string.Create(CultureInfo.InvariantCulture, $"Groups[{i}]"))).GroupId;
            groups.Add(string.IsNullOrEmpty(groupId) ? throw new ShapeException(string.Create(CultureInfo.InvariantCulture, $"Groups[{i}].GroupId"), "missing") : groupId);
        }

        return new NetworkInterface(id)
        {
            GroupIds = groups.MoveToImmutable(),
            InterfaceType = shape.InterfaceType ?? "interface",
            Status = shape.Status,
            VpcId = shape.VpcId,
            SubnetId = shape.SubnetId,
            Description = shape.Description,
            RequesterId = shape.RequesterId,
            RequesterManaged = shape.RequesterManaged ?? false,
            InstanceId = shape.Attachment?.InstanceId,
            PrivateIpAddress = shape.PrivateIpAddress,
            PublicIp = shape.Association?.PublicIp,
            Tags = MapTags(shape.TagSet, "TagSet"),
        };
    }

    public static NetworkAcl Map(NetworkAclShape shape)
    {
        var id = Required(shape.NetworkAclId, "NetworkAclId");
        var entries = ImmutableArray.CreateBuilder<NetworkAclEntry>();
        for (var i = 0; i < (shape.Entries?.Count ?? 0); i++)
        {
            entries.Add(MapEntry(shape.Entries![i] ?? throw EmptyItem($"Entries[{i}]"), $"Entries[{i}]"));
        }

        return new NetworkAcl(id)
        {
            VpcId = shape.VpcId,
            IsDefault = shape.IsDefault ?? false,
            OwnerId = shape.OwnerId,
            Entries = entries.ToImmutable(),
            SubnetIds = [.. (shape.Associations ?? []).Select((a, i) => a ?? throw EmptyItem($"Associations[{i}]")).Select(a => a.SubnetId).OfType<string>()],
            Tags = MapTags(shape.Tags, "Tags"),
        };
    }

    public static Vpc Map(VpcShape shape)
    {
        var id = Required(shape.VpcId, "VpcId");
        return new Vpc(id)
        {
            IsDefault = shape.IsDefault ?? false,
            CidrBlock = shape.CidrBlock,
            Ipv6CidrBlocks = [.. (shape.Ipv6CidrBlockAssociationSet ?? []).Select((a, i) => a ?? throw EmptyItem($"Ipv6CidrBlockAssociationSet[{i}]")).Select(a => a.Ipv6CidrBlock).OfType<string>()],
            OwnerId = shape.OwnerId,
            Tags = MapTags(shape.Tags, "Tags"),
        };
    }

    private static ImmutableArray<Permission> MapPermissions(List<IpPermissionShape>? shapes, Direction direction, string path)
    {
        if (shapes is null || shapes.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<Permission>(shapes.Count);
        for (var i = 0; i < shapes.Count; i++)
        {
            builder.Add(MapPermission(shapes[i] ?? throw EmptyItem(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")), direction, path, i));
        }

        return builder.MoveToImmutable();
    }

    // A scan maps a million permissions: error paths ("IpPermissions[3].IpRanges[0].CidrIp") are built only when
    // they are thrown, never on the happy path.
    private static Permission MapPermission(IpPermissionShape shape, Direction direction, string listPath, int index)
    {
        string At(string suffix) => string.Create(CultureInfo.InvariantCulture, $"{listPath}[{index}]{suffix}");
        string Item(string list, int i, string field) => string.Create(CultureInfo.InvariantCulture, $"{listPath}[{index}].{list}[{i}]{field}");

        var protocolText = shape.IpProtocol;
        if (string.IsNullOrEmpty(protocolText))
        {
            throw new ShapeException(At(".IpProtocol"), "missing");
        }

        if (!IpProtocol.TryParse(protocolText, out var protocol))
        {
            throw new ShapeException(At(".IpProtocol"), $"unknown protocol '{protocolText}' (expected tcp, udp, icmp, icmpv6, -1 or a number 0–255)");
        }

        var ipRanges = shape.IpRanges?.Count ?? 0;
        var ipv6Ranges = shape.Ipv6Ranges?.Count ?? 0;
        var prefixLists = shape.PrefixListIds?.Count ?? 0;
        var pairs = shape.UserIdGroupPairs?.Count ?? 0;
        // The shared one-element sources array of the i-th IPv4 or IPv6 range.
        ImmutableArray<TrafficSource> CidrAt(bool ipv6, int i)
        {
            if (!ipv6)
            {
                var range = shape.IpRanges![i] ?? throw EmptyItem(Item("IpRanges", i, ""));
                return TryGetCidrSource(range.CidrIp, range.Description, AddressFamily.InterNetwork, out var source, out var error) ? source : throw new ShapeException(Item("IpRanges", i, ".CidrIp"), error);
            }

            var range6 = shape.Ipv6Ranges![i] ?? throw EmptyItem(Item("Ipv6Ranges", i, ""));
            return TryGetCidrSource(range6.CidrIpv6, range6.Description, AddressFamily.InterNetworkV6, out var source6, out var error6) ? source6 : throw new ShapeException(Item("Ipv6Ranges", i, ".CidrIpv6"), error6);
        }

        var total = ipRanges + ipv6Ranges + prefixLists + pairs;
        var sources = total == 1 && ipRanges + ipv6Ranges == 1
            ? CidrAt(ipv6Ranges == 1, 0)
            : MixedSources();
        ImmutableArray<TrafficSource> MixedSources()
        {
            var builder = ImmutableArray.CreateBuilder<TrafficSource>(total);
            for (var i = 0; i < ipRanges; i++)
            {
                builder.Add(CidrAt(ipv6: false, i)[0]);
            }

            for (var i = 0; i < ipv6Ranges; i++)
            {
                builder.Add(CidrAt(ipv6: true, i)[0]);
            }

            for (var i = 0; i < prefixLists; i++)
            {
                var list = shape.PrefixListIds![i] ?? throw EmptyItem(Item("PrefixListIds", i, ""));
                var id = string.IsNullOrEmpty(list.PrefixListId) ? throw new ShapeException(Item("PrefixListIds", i, ".PrefixListId"), "missing") : list.PrefixListId;
                builder.Add(new PrefixListSource(id) { Description = list.Description });
            }

            for (var i = 0; i < pairs; i++)
            {
                var pair = shape.UserIdGroupPairs![i] ?? throw EmptyItem(Item("UserIdGroupPairs", i, ""));
                var id = string.IsNullOrEmpty(pair.GroupId) ? throw new ShapeException(Item("UserIdGroupPairs", i, ".GroupId"), "missing") : pair.GroupId;
                builder.Add(new GroupReferenceSource(id)
                {
                    UserId = pair.UserId,
                    GroupName = pair.GroupName,
                    VpcId = pair.VpcId,
                    VpcPeeringConnectionId = pair.VpcPeeringConnectionId,
                    PeeringStatus = pair.PeeringStatus,
                    Description = pair.Description,
                });
            }

            return builder.MoveToImmutable();
        }

        // One object per permission (not one plus a `with` copy).
        if (protocol.HasPorts)
        {
            return new Permission(direction, protocol, sources) { Ports = ParsePorts(shape.FromPort, shape.ToPort, listPath, index, "FromPort", "ToPort") };
        }

        if (protocol.IsIcmp)
        {
            return new Permission(direction, protocol, sources) { Icmp = ParseIcmp(shape.FromPort, shape.ToPort, listPath, index, "FromPort", "ToPort") };
        }

        return new Permission(direction, protocol, sources); // -1 and other protocol numbers carry no ports, whatever FromPort/ToPort say
    }

    private static NetworkAclEntry MapEntry(NetworkAclEntryShape shape, string path)
    {
        var ruleNumber = shape.RuleNumber ?? throw new ShapeException($"{path}.RuleNumber", "missing");
        if (ruleNumber is < 1 or > 32768)
        {
            throw new ShapeException($"{path}.RuleNumber", string.Create(CultureInfo.InvariantCulture, $"{ruleNumber} is outside 1–32768"));
        }

        var protocolText = Required(shape.Protocol, $"{path}.Protocol");
        if (!IpProtocol.TryParse(protocolText, out var protocol))
        {
            throw new ShapeException($"{path}.Protocol", $"unknown protocol '{protocolText}'");
        }

        var action = shape.RuleAction?.ToLowerInvariant() switch
        {
            "allow" => RuleAction.Allow,
            "deny" => RuleAction.Deny,
            _ => throw new ShapeException($"{path}.RuleAction", $"'{shape.RuleAction}' is not allow or deny"),
        };
        var direction = (shape.Egress ?? throw new ShapeException($"{path}.Egress", "missing")) ? Direction.Egress : Direction.Ingress;
        var cidr = shape.CidrBlock is not null
            ? ParseCidr(shape.CidrBlock, AddressFamily.InterNetwork, $"{path}.CidrBlock")
            : shape.Ipv6CidrBlock is not null
                ? ParseCidr(shape.Ipv6CidrBlock, AddressFamily.InterNetworkV6, $"{path}.Ipv6CidrBlock")
                : throw new ShapeException(path, "an entry needs CidrBlock or Ipv6CidrBlock");

        var entry = new NetworkAclEntry(ruleNumber, direction, protocol, action, cidr);
        if (protocol.HasPorts && shape.PortRange is { } range)
        {
            return entry with { Ports = ParsePorts(range.From, range.To, $"{path}.PortRange", -1, "From", "To") };
        }

        if (protocol.IsIcmp && shape.IcmpTypeCode is { } icmp)
        {
            return entry with { Icmp = ParseIcmp(icmp.Type, icmp.Code, $"{path}.IcmpTypeCode", -1, "Type", "Code") };
        }

        return entry;
    }

    private static PortRange ParsePorts(int? from, int? to, string basePath, int index, string fromName, string toName)
    {
        string Path() => ItemPath(basePath, index);
        var start = from ?? throw new ShapeException($"{Path()}.{fromName}", "missing for a tcp/udp rule");
        var end = to ?? throw new ShapeException($"{Path()}.{toName}", "missing for a tcp/udp rule");
        if (start is < 0 or > PortRange.MaxPort)
        {
            throw new ShapeException($"{Path()}.{fromName}", string.Create(CultureInfo.InvariantCulture, $"port {start} is outside 0–65535"));
        }

        if (end is < 0 or > PortRange.MaxPort)
        {
            throw new ShapeException($"{Path()}.{toName}", string.Create(CultureInfo.InvariantCulture, $"port {end} is outside 0–65535"));
        }

        if (start > end)
        {
            throw new ShapeException(Path(), string.Create(CultureInfo.InvariantCulture, $"{fromName} {start} is above {toName} {end}"));
        }

        return new PortRange(start, end);
    }

    private static IcmpTypeCode ParseIcmp(int? type, int? code, string basePath, int index, string typeName, string codeName)
    {
        string Path() => ItemPath(basePath, index);
        var t = type ?? -1;
        var c = code ?? -1;
        if (t is < -1 or > 255)
        {
            throw new ShapeException($"{Path()}.{typeName}", string.Create(CultureInfo.InvariantCulture, $"ICMP type {t} is outside -1–255"));
        }

        if (c is < -1 or > 255)
        {
            throw new ShapeException($"{Path()}.{codeName}", string.Create(CultureInfo.InvariantCulture, $"ICMP code {c} is outside -1–255"));
        }

        return new IcmpTypeCode(t, c);
    }

    /// <summary>"IpPermissions[3]" for an item of a list, or the path itself when <paramref name="index"/> is negative.</summary>
    private static string ItemPath(string basePath, int index) =>
        index < 0 ? basePath : string.Create(CultureInfo.InvariantCulture, $"{basePath}[{index}]");

    /// <summary>The shared one-element sources array for (<paramref name="text"/>, <paramref name="description"/>).</summary>
    private static bool TryGetCidrSource(string? text, string? description, AddressFamily family, out ImmutableArray<TrafficSource> source, out string error)
    {
        var cache = _cidrSources ??= [];
        if (text is not null && cache.TryGetValue((text, description), out source) && ((CidrSource)source[0]).Network.BaseAddress.AddressFamily == family)
        {
            error = "";
            return true;
        }

        if (!TryParseCidr(text, family, out var network, out error))
        {
            source = default;
            return false;
        }

        if (cache.Count >= MaxCachedCidrs)
        {
            cache.Clear();
        }

        source = [new CidrSource(network) { Description = description }];
        cache[(text!, description)] = source;
        return true;
    }

    private static bool TryParseCidr(string? text, AddressFamily family, out System.Net.IPNetwork network, out string error)
    {
        // A text that parses does so as one family only, so a cached result of another family is simply a miss.
        var cache = _cidrs ??= new Dictionary<string, System.Net.IPNetwork>(StringComparer.Ordinal);
        if (text is not null && cache.TryGetValue(text, out network) && network.BaseAddress.AddressFamily == family)
        {
            error = "";
            return true;
        }

        if (!CidrParser.TryParse(text, family, out network, out error))
        {
            return false;
        }

        if (cache.Count >= MaxCachedCidrs)
        {
            cache.Clear();
        }

        cache[text!] = network;
        return true;
    }

    private static System.Net.IPNetwork ParseCidr(string? text, AddressFamily family, string path) =>
        CidrParser.TryParse(text, family, out var network, out var error) ? network : throw new ShapeException(path, error);

    private static ImmutableArray<ResourceTag> MapTags(List<TagShape>? tags, string path)
    {
        if (tags is null || tags.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ResourceTag>(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var key = (tags[i] ?? throw EmptyItem(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"))).Key;
            builder.Add(new ResourceTag(string.IsNullOrEmpty(key) ? throw new ShapeException(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}].Key"), "missing") : key, tags[i].Value ?? ""));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A `null` inside a list (`IpRanges: [null]`): bad input with its place, never a crash.</summary>
    private static ShapeException EmptyItem(string path) => new(path, "empty item");

    private static string Required(string? value, string path) =>
        string.IsNullOrEmpty(value) ? throw new ShapeException(path, "missing") : value;
}
