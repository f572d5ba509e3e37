using System.Collections.Immutable;
using System.Xml;
using SgAudit.Collectors.Ec2;
using SgAudit.Collectors.Ec2.Shapes;
using static SgAudit.Aws.Ec2.XmlElementReader;

namespace SgAudit.Aws.Ec2;

/// <summary>
/// Reads EC2 Query answers (<c>&lt;DescribeXxxResponse&gt;</c>) into the shape classes, element names as in the EC2
/// API reference. Streams through the document once; throws <see cref="XmlException"/> on a document that is not
/// the expected answer.
/// </summary>
internal static class Ec2ResponseParser
{
    public static ImmutableArray<RegionShape> ParseRegions(Stream body)
    {
        var page = ParsePage(body, "DescribeRegions", "regionInfo", ReadRegion);
        return page.Items;
    }

    public static Ec2Page<VpcShape> ParseVpcs(Stream body) => ParsePage(body, "DescribeVpcs", "vpcSet", ReadVpc);

    public static Ec2Page<SecurityGroupShape> ParseSecurityGroups(Stream body) => ParsePage(body, "DescribeSecurityGroups", "securityGroupInfo", ReadSecurityGroup);

    public static Ec2Page<NetworkInterfaceShape> ParseNetworkInterfaces(Stream body) => ParsePage(body, "DescribeNetworkInterfaces", "networkInterfaceSet", ReadNetworkInterface);

    public static Ec2Page<NetworkAclShape> ParseNetworkAcls(Stream body) => ParsePage(body, "DescribeNetworkAcls", "networkAclSet", ReadNetworkAcl);

    private static Ec2Page<T> ParsePage<T>(Stream body, string action, string listElement, Func<XmlReader, T> readItem)
    {
        using var reader = XmlReader.Create(body, Http.XmlSafety.ReaderSettings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != action + "Response")
        {
            throw new XmlException($"expected <{action}Response>, found <{reader.LocalName}>.");
        }

        List<T>? items = null;
        string? nextToken = null;
        ReadChildren(reader, name =>
        {
            if (name == listElement)
            {
                items = ReadItems(reader, readItem);
                return true;
            }

            if (name == "nextToken")
            {
                nextToken = Text(reader);
                return true;
            }

            return false;
        });

        // Nothing may follow the root; a second root or trailing text would mean a garbled answer.
        while (reader.Read())
        {
        }

        return new Ec2Page<T>([.. items ?? []], string.IsNullOrWhiteSpace(nextToken) ? null : nextToken);
    }

    private static RegionShape ReadRegion(XmlReader reader) => ReadObject(reader, new RegionShape(), static (r, region, name) =>
    {
        switch (name)
        {
            case "regionName": region.RegionName = Text(r); return true;
            case "regionEndpoint": region.Endpoint = Text(r); return true;
            case "optInStatus": region.OptInStatus = Text(r); return true;
            default: return false;
        }
    });

    private static VpcShape ReadVpc(XmlReader reader) => ReadObject(reader, new VpcShape(), static (r, vpc, name) =>
    {
        switch (name)
        {
            case "vpcId": vpc.VpcId = Text(r); return true;
            case "cidrBlock": vpc.CidrBlock = Text(r); return true;
            case "cidrBlockAssociationSet": vpc.CidrBlockAssociationSet = ReadItems(r, ReadCidrAssociation); return true;
            case "ipv6CidrBlockAssociationSet": vpc.Ipv6CidrBlockAssociationSet = ReadItems(r, ReadCidrAssociation); return true;
            case "isDefault": vpc.IsDefault = Bool(r); return true;
            case "ownerId": vpc.OwnerId = Text(r); return true;
            case "state": vpc.State = Text(r); return true;
            case "tagSet": vpc.Tags = ReadItems(r, ReadTag); return true;
            default: return false;
        }
    });

    private static CidrBlockAssociationShape ReadCidrAssociation(XmlReader reader) => ReadObject(reader, new CidrBlockAssociationShape(), static (r, association, name) =>
    {
        switch (name)
        {
            case "associationId": association.AssociationId = Text(r); return true;
            case "cidrBlock": association.CidrBlock = Text(r); return true;
            case "ipv6CidrBlock": association.Ipv6CidrBlock = Text(r); return true;
            default: return false;
        }
    });

    private static SecurityGroupShape ReadSecurityGroup(XmlReader reader) => ReadObject(reader, new SecurityGroupShape(), static (r, group, name) =>
    {
        switch (name)
        {
            case "groupId": group.GroupId = Text(r); return true;
            case "groupName": group.GroupName = Text(r); return true;
            case "groupDescription": group.Description = Text(r); return true;
            case "vpcId": group.VpcId = Text(r); return true;
            case "ownerId": group.OwnerId = Text(r); return true;
            case "securityGroupArn": group.SecurityGroupArn = Text(r); return true;
            case "tagSet": group.Tags = ReadItems(r, ReadTag); return true;
            case "ipPermissions": group.IpPermissions = ReadItems(r, ReadIpPermission); return true;
            case "ipPermissionsEgress": group.IpPermissionsEgress = ReadItems(r, ReadIpPermission); return true;
            default: return false;
        }
    });

    private static IpPermissionShape ReadIpPermission(XmlReader reader) => ReadObject(reader, new IpPermissionShape(), static (r, permission, name) =>
    {
        switch (name)
        {
            case "ipProtocol": permission.IpProtocol = Text(r); return true;
            case "fromPort": permission.FromPort = Int(r); return true;
            case "toPort": permission.ToPort = Int(r); return true;
            case "groups": permission.UserIdGroupPairs = ReadItems(r, ReadUserIdGroupPair); return true;
            case "ipRanges": permission.IpRanges = ReadItems(r, ReadIpRange); return true;
            case "ipv6Ranges": permission.Ipv6Ranges = ReadItems(r, ReadIpv6Range); return true;
            case "prefixListIds": permission.PrefixListIds = ReadItems(r, ReadPrefixListId); return true;
            default: return false;
        }
    });

    private static UserIdGroupPairShape ReadUserIdGroupPair(XmlReader reader) => ReadObject(reader, new UserIdGroupPairShape(), static (r, pair, name) =>
    {
        switch (name)
        {
            case "groupId": pair.GroupId = Text(r); return true;
            case "groupName": pair.GroupName = Text(r); return true;
            case "userId": pair.UserId = Text(r); return true;
            case "vpcId": pair.VpcId = Text(r); return true;
            case "vpcPeeringConnectionId": pair.VpcPeeringConnectionId = Text(r); return true;
            case "peeringStatus": pair.PeeringStatus = Text(r); return true;
            case "description": pair.Description = Text(r); return true;
            default: return false;
        }
    });

    private static IpRangeShape ReadIpRange(XmlReader reader) => ReadObject(reader, new IpRangeShape(), static (r, range, name) =>
    {
        switch (name)
        {
            case "cidrIp": range.CidrIp = Text(r); return true;
            case "description": range.Description = Text(r); return true;
            default: return false;
        }
    });

    private static Ipv6RangeShape ReadIpv6Range(XmlReader reader) => ReadObject(reader, new Ipv6RangeShape(), static (r, range, name) =>
    {
        switch (name)
        {
            case "cidrIpv6": range.CidrIpv6 = Text(r); return true;
            case "description": range.Description = Text(r); return true;
            default: return false;
        }
    });

    private static PrefixListIdShape ReadPrefixListId(XmlReader reader) => ReadObject(reader, new PrefixListIdShape(), static (r, list, name) =>
    {
        switch (name)
        {
            case "prefixListId": list.PrefixListId = Text(r); return true;
            case "description": list.Description = Text(r); return true;
            default: return false;
        }
    });

    private static TagShape ReadTag(XmlReader reader) => ReadObject(reader, new TagShape(), static (r, tag, name) =>
    {
        switch (name)
        {
            case "key": tag.Key = Text(r); return true;
            case "value": tag.Value = Text(r); return true;
            default: return false;
        }
    });

    private static NetworkInterfaceShape ReadNetworkInterface(XmlReader reader) => ReadObject(reader, new NetworkInterfaceShape(), static (r, eni, name) =>
    {
        switch (name)
        {
            case "networkInterfaceId": eni.NetworkInterfaceId = Text(r); return true;
            case "groupSet": eni.Groups = ReadItems(r, ReadGroupIdentifier); return true;
            case "interfaceType": eni.InterfaceType = Text(r); return true;
            case "status": eni.Status = Text(r); return true;
            case "vpcId": eni.VpcId = Text(r); return true;
            case "subnetId": eni.SubnetId = Text(r); return true;
            case "availabilityZone": eni.AvailabilityZone = Text(r); return true;
            case "description": eni.Description = Text(r); return true;
            case "ownerId": eni.OwnerId = Text(r); return true;
            case "requesterId": eni.RequesterId = Text(r); return true;
            case "requesterManaged": eni.RequesterManaged = Bool(r); return true;
            case "privateIpAddress": eni.PrivateIpAddress = Text(r); return true;
            case "attachment": eni.Attachment = ReadAttachment(r); return true;
            case "association": eni.Association = ReadAssociation(r); return true;
            case "tagSet": eni.TagSet = ReadItems(r, ReadTag); return true;
            default: return false;
        }
    });

    private static GroupIdentifierShape ReadGroupIdentifier(XmlReader reader) => ReadObject(reader, new GroupIdentifierShape(), static (r, group, name) =>
    {
        switch (name)
        {
            case "groupId": group.GroupId = Text(r); return true;
            case "groupName": group.GroupName = Text(r); return true;
            default: return false;
        }
    });

    private static NetworkInterfaceAttachmentShape ReadAttachment(XmlReader reader) => ReadObject(reader, new NetworkInterfaceAttachmentShape(), static (r, attachment, name) =>
    {
        switch (name)
        {
            case "attachmentId": attachment.AttachmentId = Text(r); return true;
            case "instanceId": attachment.InstanceId = Text(r); return true;
            case "instanceOwnerId": attachment.InstanceOwnerId = Text(r); return true;
            case "deviceIndex": attachment.DeviceIndex = Int(r); return true;
            case "status": attachment.Status = Text(r); return true;
            default: return false;
        }
    });

    private static NetworkInterfaceAssociationShape ReadAssociation(XmlReader reader) => ReadObject(reader, new NetworkInterfaceAssociationShape(), static (r, association, name) =>
    {
        switch (name)
        {
            case "publicIp": association.PublicIp = Text(r); return true;
            case "ipOwnerId": association.IpOwnerId = Text(r); return true;
            default: return false;
        }
    });

    private static NetworkAclShape ReadNetworkAcl(XmlReader reader) => ReadObject(reader, new NetworkAclShape(), static (r, acl, name) =>
    {
        switch (name)
        {
            case "networkAclId": acl.NetworkAclId = Text(r); return true;
            case "vpcId": acl.VpcId = Text(r); return true;
            case "default": acl.IsDefault = Bool(r); return true;
            case "ownerId": acl.OwnerId = Text(r); return true;
            case "entrySet": acl.Entries = ReadItems(r, ReadNetworkAclEntry); return true;
            case "associationSet": acl.Associations = ReadItems(r, ReadNetworkAclAssociation); return true;
            case "tagSet": acl.Tags = ReadItems(r, ReadTag); return true;
            default: return false;
        }
    });

    private static NetworkAclEntryShape ReadNetworkAclEntry(XmlReader reader) => ReadObject(reader, new NetworkAclEntryShape(), static (r, entry, name) =>
    {
        switch (name)
        {
            case "ruleNumber": entry.RuleNumber = Int(r); return true;
            case "protocol": entry.Protocol = Text(r); return true;
            case "ruleAction": entry.RuleAction = Text(r); return true;
            case "egress": entry.Egress = Bool(r); return true;
            case "cidrBlock": entry.CidrBlock = Text(r); return true;
            case "ipv6CidrBlock": entry.Ipv6CidrBlock = Text(r); return true;
            case "portRange": entry.PortRange = ReadPortRange(r); return true;
            case "icmpTypeCode": entry.IcmpTypeCode = ReadIcmpTypeCode(r); return true;
            default: return false;
        }
    });

    private static NetworkAclAssociationShape ReadNetworkAclAssociation(XmlReader reader) => ReadObject(reader, new NetworkAclAssociationShape(), static (r, association, name) =>
    {
        switch (name)
        {
            case "networkAclAssociationId": association.NetworkAclAssociationId = Text(r); return true;
            case "networkAclId": association.NetworkAclId = Text(r); return true;
            case "subnetId": association.SubnetId = Text(r); return true;
            default: return false;
        }
    });

    private static PortRangeShape ReadPortRange(XmlReader reader) => ReadObject(reader, new PortRangeShape(), static (r, range, name) =>
    {
        switch (name)
        {
            case "from": range.From = Int(r); return true;
            case "to": range.To = Int(r); return true;
            default: return false;
        }
    });

    private static IcmpTypeCodeShape ReadIcmpTypeCode(XmlReader reader) => ReadObject(reader, new IcmpTypeCodeShape(), static (r, icmp, name) =>
    {
        switch (name)
        {
            case "type": icmp.Type = Int(r); return true;
            case "code": icmp.Code = Int(r); return true;
            default: return false;
        }
    });
}
