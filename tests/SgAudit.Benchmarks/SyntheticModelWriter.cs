using System.Globalization;
using System.Text.Json;

namespace SgAudit.Benchmarks;

/// <summary>
/// Writes a deterministic synthetic model file (JSON, AWS CLI shapes): N groups with ~10 permissions each across two
/// regions, M network interfaces and a NACL per VPC, with a realistic share of risky rules.
/// </summary>
internal static class SyntheticModelWriter
{
    public const string AccountId = "123456789012";
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    public static (long Permissions, long Bytes) Write(string path, int groups, int interfaces, int seed = 42)
    {
        var random = new Random(seed);
        long permissions = 0;
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("accounts");
            json.WriteStartObject();
            json.WriteString("id", AccountId);
            json.WriteString("name", "synthetic");
            json.WriteStartArray("regions");
            for (var r = 0; r < Regions.Length; r++)
            {
                var groupsHere = groups / Regions.Length + (r < groups % Regions.Length ? 1 : 0);
                var interfacesHere = interfaces / Regions.Length + (r < interfaces % Regions.Length ? 1 : 0);
                var vpcs = Math.Max(1, groupsHere / 100);
                json.WriteStartObject();
                json.WriteString("name", Regions[r]);
                WriteVpcs(json, r, vpcs);
                json.WriteStartArray("SecurityGroups");
                for (var g = 0; g < groupsHere; g++)
                {
                    permissions += WriteGroup(json, random, Regions[r], r, g, vpcs);
                }

                json.WriteEndArray();
                json.WriteStartArray("NetworkInterfaces");
                for (var e = 0; e < interfacesHere; e++)
                {
                    WriteInterface(json, random, r, e, groupsHere, vpcs);
                }

                json.WriteEndArray();
                WriteAcls(json, r, vpcs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return (permissions, new FileInfo(path).Length);
    }

    private static string Id(string prefix, int region, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{region:x2}{index:x15}");

    private static void WriteVpcs(Utf8JsonWriter json, int region, int vpcs)
    {
        json.WriteStartArray("Vpcs");
        for (var v = 0; v < vpcs; v++)
        {
            json.WriteStartObject();
            json.WriteString("VpcId", Id("vpc", region, v));
            json.WriteString("CidrBlock", string.Create(CultureInfo.InvariantCulture, $"10.{v % 256}.0.0/16"));
            json.WriteBoolean("IsDefault", v == 0);
            json.WriteString("OwnerId", AccountId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static int WriteGroup(Utf8JsonWriter json, Random random, string regionName, int region, int index, int vpcs)
    {
        var id = Id("sg", region, index);
        json.WriteStartObject();
        json.WriteString("GroupId", id);
        json.WriteString("GroupName", index < vpcs ? "default" : string.Create(CultureInfo.InvariantCulture, $"app-{index}"));
        json.WriteString("Description", "synthetic group");
        json.WriteString("VpcId", Id("vpc", region, index % vpcs));
        json.WriteString("OwnerId", AccountId);
        json.WriteString("SecurityGroupArn", $"arn:aws:ec2:{regionName}:{AccountId}:security-group/{id}");
        json.WriteStartArray("Tags");
        json.WriteStartObject();
        json.WriteString("Key", "Name");
        json.WriteString("Value", string.Create(CultureInfo.InvariantCulture, $"group {index}"));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("IpPermissions");
        const int ingress = 9;
        for (var p = 0; p < ingress; p++)
        {
            WritePermission(json, random, region, index, p);
        }

        json.WriteEndArray();
        json.WriteStartArray("IpPermissionsEgress");
        json.WriteStartObject();
        json.WriteString("IpProtocol", "-1");
        json.WriteStartArray("IpRanges");
        json.WriteStartObject();
        json.WriteString("CidrIp", "0.0.0.0/0");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        return ingress + 1;
    }

    private static void WritePermission(Utf8JsonWriter json, Random random, int region, int group, int slot)
    {
        json.WriteStartObject();
        var roll = random.Next(1000);
        var (protocol, from, to) = roll switch
        {
            < 5 => ("-1", (int?)null, (int?)null),
            < 40 => ("tcp", 0, 65535),
            < 120 => ("tcp", 8000 + slot, 8100 + slot),
            < 200 => ("udp", 500 + slot, 500 + slot),
            < 230 => ("icmp", -1, -1),
            _ => ("tcp", 1000 + (slot * 37) + (group % 50), 1000 + (slot * 37) + (group % 50)),
        };
        if (slot == 0)
        {
            (protocol, from, to) = roll < 150 ? ("tcp", 22, 22) : ("tcp", 443, 443);
        }

        json.WriteString("IpProtocol", protocol);
        if (from is { } f && to is { } t)
        {
            json.WriteNumber("FromPort", f);
            json.WriteNumber("ToPort", t);
        }

        json.WriteStartArray("IpRanges");
        var world = random.Next(100) < 8;
        json.WriteStartObject();
        json.WriteString("CidrIp", world ? "0.0.0.0/0" : string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.0/24"));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("Ipv6Ranges");
        if (random.Next(100) < 2)
        {
            json.WriteStartObject();
            json.WriteString("CidrIpv6", "::/0");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("UserIdGroupPairs");
        if (random.Next(100) < 20)
        {
            json.WriteStartObject();
            json.WriteString("GroupId", Id("sg", region, random.Next(Math.Max(1, group))));
            json.WriteString("UserId", AccountId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("PrefixListIds");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteInterface(Utf8JsonWriter json, Random random, int region, int index, int groups, int vpcs)
    {
        json.WriteStartObject();
        json.WriteString("NetworkInterfaceId", Id("eni", region, index));
        json.WriteString("InterfaceType", index % 10 == 0 ? "lambda" : "interface");
        json.WriteString("Status", "in-use");
        json.WriteString("VpcId", Id("vpc", region, index % vpcs));
        json.WriteString("OwnerId", AccountId);
        json.WriteStartArray("Groups");
        var count = 1 + random.Next(3);
        for (var g = 0; g < count; g++)
        {
            json.WriteStartObject();
            json.WriteString("GroupId", Id("sg", region, random.Next(groups)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAcls(Utf8JsonWriter json, int region, int vpcs)
    {
        json.WriteStartArray("NetworkAcls");
        for (var v = 0; v < vpcs; v++)
        {
            json.WriteStartObject();
            json.WriteString("NetworkAclId", Id("acl", region, v));
            json.WriteString("VpcId", Id("vpc", region, v));
            json.WriteBoolean("IsDefault", true);
            json.WriteString("OwnerId", AccountId);
            json.WriteStartArray("Entries");
            foreach (var (number, egress, action) in new[] { (100, false, "allow"), (32767, false, "deny"), (100, true, "allow"), (32767, true, "deny") })
            {
                json.WriteStartObject();
                json.WriteNumber("RuleNumber", number);
                json.WriteString("Protocol", "-1");
                json.WriteString("RuleAction", action);
                json.WriteBoolean("Egress", egress);
                json.WriteString("CidrBlock", "0.0.0.0/0");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
