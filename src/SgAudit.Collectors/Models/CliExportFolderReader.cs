using System.Text.Json;
using System.Text.Json.Nodes;
using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Reads a folder of AWS CLI exports (describe-security-groups.json, describe-network-interfaces.json,
/// describe-network-acls.json, optionally describe-vpcs.json), unchanged. Account and region come from the resources
/// themselves (OwnerId, the group ARN, the interface's availability zone). A missing file is a part not provided.
/// </summary>
public static class CliExportFolderReader
{
    public const string SecurityGroupsFile = "describe-security-groups.json";
    public const string NetworkInterfacesFile = "describe-network-interfaces.json";
    public const string NetworkAclsFile = "describe-network-acls.json";
    public const string VpcsFile = "describe-vpcs.json";

    private const string UnknownRegion = "unknown-region";
    private const string UnknownAccount = "000000000000";

    public static ModelDocument Read(string folder) => ReadWithOrigin(folder).Document;

    internal static (ModelDocument Document, IModelOrigin Origin) ReadWithOrigin(string folder)
    {
        var known = new[] { SecurityGroupsFile, NetworkInterfacesFile, NetworkAclsFile, VpcsFile };
        if (!Directory.EnumerateFiles(folder, "describe-*.json").Any(f => known.Contains(Path.GetFileName(f))))
        {
            throw new InputException(folder, null, $"no AWS CLI exports found (expected {string.Join(", ", known)})");
        }

        var groups = ReadList<SecurityGroupShape>(folder, SecurityGroupsFile, "SecurityGroups");
        var interfaces = ReadList<NetworkInterfaceShape>(folder, NetworkInterfacesFile, "NetworkInterfaces");
        var acls = ReadList<NetworkAclShape>(folder, NetworkAclsFile, "NetworkAcls");
        var vpcs = ReadList<VpcShape>(folder, VpcsFile, "Vpcs");

        // Where each VPC lives, learnt from groups and interfaces, places ACLs and VPCs that carry no region.
        var vpcScope = new Dictionary<string, (string Account, string Region)>(StringComparer.Ordinal);
        var fallbackAccount = groups?.Select(g => g.OwnerId).FirstOrDefault(o => o is not null)
            ?? interfaces?.Select(i => i.OwnerId).FirstOrDefault(o => o is not null)
            ?? acls?.Select(a => a.OwnerId).FirstOrDefault(o => o is not null)
            ?? vpcs?.Select(v => v.OwnerId).FirstOrDefault(o => o is not null)
            ?? UnknownAccount;
        var fallbackRegion = groups?.Select(g => RegionFromArn(g.SecurityGroupArn)).FirstOrDefault(r => r is not null)
            ?? interfaces?.Select(i => RegionFromZone(i.AvailabilityZone)).FirstOrDefault(r => r is not null)
            ?? UnknownRegion;

        var regions = new SortedDictionary<(string Account, string Region), ModelRegion>();
        ModelRegion RegionFor(string? account, string? region, string? vpcId)
        {
            var key = (account ?? fallbackAccount, region ?? fallbackRegion);
            if (region is null && vpcId is not null && vpcScope.TryGetValue(vpcId, out var known))
            {
                key = known;
            }
            else if (vpcId is not null)
            {
                vpcScope.TryAdd(vpcId, key);
            }

            if (!regions.TryGetValue(key, out var model))
            {
                model = new ModelRegion
                {
                    Name = key.Item2,
                    Vpcs = vpcs is null ? null : [],
                    SecurityGroups = groups is null ? null : [],
                    NetworkInterfaces = interfaces is null ? null : [],
                    NetworkAcls = acls is null ? null : [],
                };
                regions[key] = model;
            }

            return model;
        }

        foreach (var group in groups ?? [])
        {
            RegionFor(group.OwnerId, RegionFromArn(group.SecurityGroupArn), group.VpcId).SecurityGroups!.Add(group);
        }

        foreach (var eni in interfaces ?? [])
        {
            RegionFor(eni.OwnerId, RegionFromZone(eni.AvailabilityZone), eni.VpcId).NetworkInterfaces!.Add(eni);
        }

        foreach (var acl in acls ?? [])
        {
            RegionFor(acl.OwnerId, null, acl.VpcId).NetworkAcls!.Add(acl);
        }

        foreach (var vpc in vpcs ?? [])
        {
            RegionFor(vpc.OwnerId, null, vpc.VpcId).Vpcs!.Add(vpc);
        }

        if (regions.Count == 0)
        {
            RegionFor(null, null, null);
        }

        var document = new ModelDocument
        {
            Accounts = [.. regions.GroupBy(r => r.Key.Account).Select(a => new ModelAccount { Id = a.Key, Regions = [.. a.Select(r => r.Value)] })],
        };
        foreach (var account in document.Accounts)
        {
            foreach (var region in account.Regions)
            {
                ValidateFromFiles(folder, region, groups, interfaces, acls, vpcs);
            }
        }

        var origin = new ExportFolderOrigin([.. new (string File, string Key, System.Collections.IList? Items)[]
        {
            (Path.Combine(folder, SecurityGroupsFile), "SecurityGroups", groups),
            (Path.Combine(folder, NetworkInterfacesFile), "NetworkInterfaces", interfaces),
            (Path.Combine(folder, NetworkAclsFile), "NetworkAcls", acls),
            (Path.Combine(folder, VpcsFile), "Vpcs", vpcs),
        }.Where(f => f.Items is not null).Select(f => (f.File, f.Key, f.Items!))]);
        return (document, origin);
    }

    private static void ValidateFromFiles(string folder, ModelRegion region, List<SecurityGroupShape>? groups, List<NetworkInterfaceShape>? interfaces, List<NetworkAclShape>? acls, List<VpcShape>? vpcs)
    {
        // Validate each file on its own so errors name that file and the item's index in it.
        Check(folder, SecurityGroupsFile, "SecurityGroups", region.SecurityGroups, groups, r => new ModelRegion { SecurityGroups = r });
        Check(folder, NetworkInterfacesFile, "NetworkInterfaces", region.NetworkInterfaces, interfaces, r => new ModelRegion { NetworkInterfaces = r });
        Check(folder, NetworkAclsFile, "NetworkAcls", region.NetworkAcls, acls, r => new ModelRegion { NetworkAcls = r });
        Check(folder, VpcsFile, "Vpcs", region.Vpcs, vpcs, r => new ModelRegion { Vpcs = r });
    }

    private static void Check<T>(string folder, string fileName, string key, List<T>? regionItems, List<T>? fileItems, Func<List<T>, ModelRegion> wrap)
    {
        if (regionItems is null || fileItems is null || regionItems.Count == 0)
        {
            return;
        }

        var path = Path.Combine(folder, fileName);
        ModelValidator.ValidateRegion(path, new OffsetLocator(path, key, regionItems, fileItems), "$", wrap(regionItems));
    }

    private static List<T>? ReadList<T>(string folder, string fileName, string key)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new InputException(path, $"line {(ex.LineNumber ?? 0) + 1}", ModelFileReader.Explain(ex), ex);
        }

        if (root is not JsonObject obj || obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value is not JsonArray array)
        {
            throw new InputException(path, "$", $"expected {{\"{key}\": [...]}} as `aws ec2 {Path.GetFileNameWithoutExtension(fileName)}` prints it");
        }

        var items = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            try
            {
                items.Add((T?)array[i].Deserialize(typeof(T), StrictModelJsonContext.Default) ?? throw new InputException(path, $"$.{key}[{i}]", "empty item"));
            }
            catch (JsonException ex)
            {
                var inner = ex.Path is { Length: > 1 } p ? p[1..] : "";
                var jsonPath = $"$.{key}[{i}]{(inner.Length > 0 && inner[0] != '[' ? "." : "")}{inner}";
                throw new InputException(path, new JsonSourceLocator(bytes).Describe(jsonPath), ModelFileReader.Explain(ex), ex);
            }
        }

        return items;
    }

    internal static string? RegionFromArn(string? arn)
    {
        var parts = arn?.Split(':');
        return parts is { Length: >= 6 } && parts[3].Length > 0 ? parts[3] : null;
    }

    internal static string? RegionFromZone(string? zone) =>
        zone is { Length: > 1 } && char.IsLetter(zone[^1]) && char.IsDigit(zone[^2]) ? zone[..^1] : null;

    /// <summary>
    /// Maps "$.Key[i]" within one region's slice back to the item's line in the file. The file is re-read and the
    /// index looked up only when an error needs it (doing either up front would cost every scan, and indexing every
    /// item would be quadratic for large exports).
    /// </summary>
    private sealed class OffsetLocator(string path, string key, System.Collections.IList regionItems, System.Collections.IList fileItems) : ISourceLocator
    {
        public string Describe(string jsonPath)
        {
            var file = new JsonSourceLocator(File.ReadAllBytes(path));
            var parts = JsonPath.Parse(jsonPath);
            if (parts.Count >= 2 && parts[1] is int index && index < regionItems.Count)
            {
                var rest = string.Concat(parts.Skip(2).Select(p => p is int i ? $"[{i}]" : $".{p}"));
                return file.Describe($"$.{key}[{fileItems.IndexOf(regionItems[index])}]{rest}");
            }

            return file.Describe(jsonPath);
        }
    }
}
