using System.Globalization;
using System.Xml.Linq;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>
/// The test side's own reading of EC2 XML back into shapes, written from the botocore EC2 model's locationNames
/// (matching by local name, as clients do), so a test can compare what went over the wire with what the in-process
/// emulator returns.
/// </summary>
internal static class Ec2XmlShapeReader
{
    public static List<RegionShape> Regions(XElement response) =>
        Items(response, "regionInfo", r => new RegionShape { RegionName = Text(r, "regionName"), Endpoint = Text(r, "regionEndpoint"), OptInStatus = Text(r, "optInStatus") })!;

    public static List<VpcShape>? Vpcs(XElement response) => Items(response, "vpcSet", v => new VpcShape
    {
        VpcId = Text(v, "vpcId"),
        CidrBlock = Text(v, "cidrBlock"),
        CidrBlockAssociationSet = Items(v, "cidrBlockAssociationSet", CidrBlockAssociation),
        Ipv6CidrBlockAssociationSet = Items(v, "ipv6CidrBlockAssociationSet", CidrBlockAssociation),
        IsDefault = Boolean(v, "isDefault"),
        OwnerId = Text(v, "ownerId"),
        State = Text(v, "state"),
        Tags = Items(v, "tagSet", Tag),
    });

    public static List<SecurityGroupShape>? SecurityGroups(XElement response) => Items(response, "securityGroupInfo", g => new SecurityGroupShape
    {
        GroupId = Text(g, "groupId"),
        GroupName = Text(g, "groupName"),
        Description = Text(g, "groupDescription"),
        VpcId = Text(g, "vpcId"),
        OwnerId = Text(g, "ownerId"),
        SecurityGroupArn = Text(g, "securityGroupArn"),
        Tags = Items(g, "tagSet", Tag),
        IpPermissions = Items(g, "ipPermissions", IpPermission),
        IpPermissionsEgress = Items(g, "ipPermissionsEgress", IpPermission),
    });

    public static List<NetworkInterfaceShape>? NetworkInterfaces(XElement response) => Items(response, "networkInterfaceSet", n => new NetworkInterfaceShape
    {
        NetworkInterfaceId = Text(n, "networkInterfaceId"),
        Groups = Items(n, "groupSet", g => new GroupIdentifierShape { GroupId = Text(g, "groupId"), GroupName = Text(g, "groupName") }),
        InterfaceType = Text(n, "interfaceType"),
        Status = Text(n, "status"),
        VpcId = Text(n, "vpcId"),
        SubnetId = Text(n, "subnetId"),
        AvailabilityZone = Text(n, "availabilityZone"),
        Description = Text(n, "description"),
        OwnerId = Text(n, "ownerId"),
        RequesterId = Text(n, "requesterId"),
        RequesterManaged = Boolean(n, "requesterManaged"),
        PrivateIpAddress = Text(n, "privateIpAddress"),
        Attachment = Child(n, "attachment") is { } a
            ? new NetworkInterfaceAttachmentShape { AttachmentId = Text(a, "attachmentId"), InstanceId = Text(a, "instanceId"), InstanceOwnerId = Text(a, "instanceOwnerId"), DeviceIndex = Number(a, "deviceIndex"), Status = Text(a, "status") }
            : null,
        Association = Child(n, "association") is { } s ? new NetworkInterfaceAssociationShape { PublicIp = Text(s, "publicIp"), IpOwnerId = Text(s, "ipOwnerId") } : null,
        TagSet = Items(n, "tagSet", Tag),
    });

    public static List<NetworkAclShape>? NetworkAcls(XElement response) => Items(response, "networkAclSet", a => new NetworkAclShape
    {
        NetworkAclId = Text(a, "networkAclId"),
        VpcId = Text(a, "vpcId"),
        IsDefault = Boolean(a, "default"),
        OwnerId = Text(a, "ownerId"),
        Entries = Items(a, "entrySet", e => new NetworkAclEntryShape
        {
            RuleNumber = Number(e, "ruleNumber"),
            Protocol = Text(e, "protocol"),
            RuleAction = Text(e, "ruleAction"),
            Egress = Boolean(e, "egress"),
            CidrBlock = Text(e, "cidrBlock"),
            Ipv6CidrBlock = Text(e, "ipv6CidrBlock"),
            PortRange = Child(e, "portRange") is { } p ? new PortRangeShape { From = Number(p, "from"), To = Number(p, "to") } : null,
            IcmpTypeCode = Child(e, "icmpTypeCode") is { } i ? new IcmpTypeCodeShape { Code = Number(i, "code"), Type = Number(i, "type") } : null,
        }),
        Associations = Items(a, "associationSet", s => new NetworkAclAssociationShape { NetworkAclAssociationId = Text(s, "networkAclAssociationId"), NetworkAclId = Text(s, "networkAclId"), SubnetId = Text(s, "subnetId") }),
        Tags = Items(a, "tagSet", Tag),
    });

    public static string? Text(XElement parent, string name) => Child(parent, name)?.Value;

    public static XElement? Child(XElement parent, string name) => parent.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    private static CidrBlockAssociationShape CidrBlockAssociation(XElement a) =>
        new() { AssociationId = Text(a, "associationId"), CidrBlock = Text(a, "cidrBlock"), Ipv6CidrBlock = Text(a, "ipv6CidrBlock") };

    private static TagShape Tag(XElement t) => new() { Key = Text(t, "key"), Value = Text(t, "value") };

    private static IpPermissionShape IpPermission(XElement p) => new()
    {
        IpProtocol = Text(p, "ipProtocol"),
        FromPort = Number(p, "fromPort"),
        ToPort = Number(p, "toPort"),
        UserIdGroupPairs = Items(p, "groups", g => new UserIdGroupPairShape
        {
            UserId = Text(g, "userId"),
            GroupId = Text(g, "groupId"),
            GroupName = Text(g, "groupName"),
            VpcId = Text(g, "vpcId"),
            VpcPeeringConnectionId = Text(g, "vpcPeeringConnectionId"),
            PeeringStatus = Text(g, "peeringStatus"),
            Description = Text(g, "description"),
        }),
        IpRanges = Items(p, "ipRanges", r => new IpRangeShape { CidrIp = Text(r, "cidrIp"), Description = Text(r, "description") }),
        Ipv6Ranges = Items(p, "ipv6Ranges", r => new Ipv6RangeShape { CidrIpv6 = Text(r, "cidrIpv6"), Description = Text(r, "description") }),
        PrefixListIds = Items(p, "prefixListIds", r => new PrefixListIdShape { PrefixListId = Text(r, "prefixListId"), Description = Text(r, "description") }),
    };

    private static List<T>? Items<T>(XElement parent, string listName, Func<XElement, T> read) =>
        Child(parent, listName) is { } list ? [.. list.Elements().Select(item => Assert.IsType<XElement>(item.Name.LocalName == "item" ? item : null)).Select(read)] : null;

    private static int? Number(XElement parent, string name) => Text(parent, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static bool? Boolean(XElement parent, string name) => Text(parent, name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"'{other}' is not an XML boolean"),
    };
}
