using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Emulator;

/// <summary>
/// The members of each EC2 shape under the element names of the botocore EC2 model (data/ec2/2016-11-15, each
/// member's locationName): the XML real EC2 sends. Every member the shape classes carry is written.
/// </summary>
internal static class Ec2ShapeXml
{
    public static void Region(QueryXmlWriter xml, RegionShape region)
    {
        xml.Text("regionName", region.RegionName);
        xml.Text("regionEndpoint", region.Endpoint);
        xml.Text("optInStatus", region.OptInStatus);
    }

    public static void Vpc(QueryXmlWriter xml, VpcShape vpc)
    {
        xml.Text("vpcId", vpc.VpcId);
        xml.Text("ownerId", vpc.OwnerId);
        xml.Text("state", vpc.State);
        xml.Text("cidrBlock", vpc.CidrBlock);
        xml.List("cidrBlockAssociationSet", vpc.CidrBlockAssociationSet, CidrBlockAssociation);
        xml.List("ipv6CidrBlockAssociationSet", vpc.Ipv6CidrBlockAssociationSet, CidrBlockAssociation);
        xml.Boolean("isDefault", vpc.IsDefault);
        xml.List("tagSet", vpc.Tags, Tag);
    }

    public static void SecurityGroup(QueryXmlWriter xml, SecurityGroupShape group)
    {
        xml.Text("groupId", group.GroupId);
        xml.Text("groupName", group.GroupName);
        xml.Text("groupDescription", group.Description);
        xml.Text("vpcId", group.VpcId);
        xml.Text("ownerId", group.OwnerId);
        xml.Text("securityGroupArn", group.SecurityGroupArn);
        xml.List("ipPermissions", group.IpPermissions, IpPermission);
        xml.List("ipPermissionsEgress", group.IpPermissionsEgress, IpPermission);
        xml.List("tagSet", group.Tags, Tag);
    }

    public static void NetworkInterface(QueryXmlWriter xml, NetworkInterfaceShape eni)
    {
        xml.Text("networkInterfaceId", eni.NetworkInterfaceId);
        xml.Text("subnetId", eni.SubnetId);
        xml.Text("vpcId", eni.VpcId);
        xml.Text("availabilityZone", eni.AvailabilityZone);
        xml.Text("description", eni.Description);
        xml.Text("ownerId", eni.OwnerId);
        xml.Text("requesterId", eni.RequesterId);
        xml.Boolean("requesterManaged", eni.RequesterManaged);
        xml.Text("status", eni.Status);
        xml.Text("privateIpAddress", eni.PrivateIpAddress);
        xml.Text("interfaceType", eni.InterfaceType);
        xml.List("groupSet", eni.Groups, GroupIdentifier);
        xml.Structure("attachment", eni.Attachment, Attachment);
        xml.Structure("association", eni.Association, Association);
        xml.List("tagSet", eni.TagSet, Tag);
    }

    public static void NetworkAcl(QueryXmlWriter xml, NetworkAclShape acl)
    {
        xml.Text("networkAclId", acl.NetworkAclId);
        xml.Text("vpcId", acl.VpcId);
        xml.Boolean("default", acl.IsDefault);
        xml.Text("ownerId", acl.OwnerId);
        xml.List("entrySet", acl.Entries, NetworkAclEntry);
        xml.List("associationSet", acl.Associations, NetworkAclAssociation);
        xml.List("tagSet", acl.Tags, Tag);
    }

    private static void CidrBlockAssociation(QueryXmlWriter xml, CidrBlockAssociationShape association)
    {
        xml.Text("associationId", association.AssociationId);
        xml.Text("cidrBlock", association.CidrBlock);
        xml.Text("ipv6CidrBlock", association.Ipv6CidrBlock);
    }

    private static void Tag(QueryXmlWriter xml, TagShape tag)
    {
        xml.Text("key", tag.Key);
        xml.Text("value", tag.Value);
    }

    private static void IpPermission(QueryXmlWriter xml, IpPermissionShape permission)
    {
        xml.Text("ipProtocol", permission.IpProtocol);
        xml.Number("fromPort", permission.FromPort);
        xml.Number("toPort", permission.ToPort);
        xml.List("groups", permission.UserIdGroupPairs, UserIdGroupPair);
        xml.List("ipRanges", permission.IpRanges, IpRange);
        xml.List("ipv6Ranges", permission.Ipv6Ranges, Ipv6Range);
        xml.List("prefixListIds", permission.PrefixListIds, PrefixListId);
    }

    private static void UserIdGroupPair(QueryXmlWriter xml, UserIdGroupPairShape pair)
    {
        xml.Text("userId", pair.UserId);
        xml.Text("groupId", pair.GroupId);
        xml.Text("groupName", pair.GroupName);
        xml.Text("vpcId", pair.VpcId);
        xml.Text("vpcPeeringConnectionId", pair.VpcPeeringConnectionId);
        xml.Text("peeringStatus", pair.PeeringStatus);
        xml.Text("description", pair.Description);
    }

    private static void IpRange(QueryXmlWriter xml, IpRangeShape range)
    {
        xml.Text("cidrIp", range.CidrIp);
        xml.Text("description", range.Description);
    }

    private static void Ipv6Range(QueryXmlWriter xml, Ipv6RangeShape range)
    {
        xml.Text("cidrIpv6", range.CidrIpv6);
        xml.Text("description", range.Description);
    }

    private static void PrefixListId(QueryXmlWriter xml, PrefixListIdShape prefixList)
    {
        xml.Text("prefixListId", prefixList.PrefixListId);
        xml.Text("description", prefixList.Description);
    }

    private static void GroupIdentifier(QueryXmlWriter xml, GroupIdentifierShape group)
    {
        xml.Text("groupId", group.GroupId);
        xml.Text("groupName", group.GroupName);
    }

    private static void Attachment(QueryXmlWriter xml, NetworkInterfaceAttachmentShape attachment)
    {
        xml.Text("attachmentId", attachment.AttachmentId);
        xml.Text("instanceId", attachment.InstanceId);
        xml.Text("instanceOwnerId", attachment.InstanceOwnerId);
        xml.Number("deviceIndex", attachment.DeviceIndex);
        xml.Text("status", attachment.Status);
    }

    private static void Association(QueryXmlWriter xml, NetworkInterfaceAssociationShape association)
    {
        xml.Text("publicIp", association.PublicIp);
        xml.Text("ipOwnerId", association.IpOwnerId);
    }

    private static void NetworkAclEntry(QueryXmlWriter xml, NetworkAclEntryShape entry)
    {
        xml.Number("ruleNumber", entry.RuleNumber);
        xml.Text("protocol", entry.Protocol);
        xml.Text("ruleAction", entry.RuleAction);
        xml.Boolean("egress", entry.Egress);
        xml.Text("cidrBlock", entry.CidrBlock);
        xml.Text("ipv6CidrBlock", entry.Ipv6CidrBlock);
        xml.Structure("icmpTypeCode", entry.IcmpTypeCode, IcmpTypeCode);
        xml.Structure("portRange", entry.PortRange, PortRange);
    }

    private static void NetworkAclAssociation(QueryXmlWriter xml, NetworkAclAssociationShape association)
    {
        xml.Text("networkAclAssociationId", association.NetworkAclAssociationId);
        xml.Text("networkAclId", association.NetworkAclId);
        xml.Text("subnetId", association.SubnetId);
    }

    private static void IcmpTypeCode(QueryXmlWriter xml, IcmpTypeCodeShape icmp)
    {
        xml.Number("code", icmp.Code);
        xml.Number("type", icmp.Type);
    }

    private static void PortRange(QueryXmlWriter xml, PortRangeShape range)
    {
        xml.Number("from", range.From);
        xml.Number("to", range.To);
    }
}
