using System.Text;
using System.Xml;
using SgAudit.Aws.Ec2;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Tests.Aws;

public sealed class Ec2ResponseParserTests
{
    [Fact]
    public void Should_ReadEveryRuleKind_When_MotoAnswersWithoutTrailingSlashNamespace()
    {
        // Given moto's DescribeSecurityGroups answer for a group with ssh, ::/0, prefix-list and ICMP rules and one with a group reference
        // When it is parsed
        var page = Ec2ResponseParser.ParseSecurityGroups(Stream(AwsSamples.MotoSecurityGroups));

        // Then every field lands in the shapes, and empty <groups/> lists are empty
        Assert.Null(page.NextToken);
        Assert.Equal(["sg-0796e0c29fe5b1c00", "sg-8acfb6e5b410a1be0"], page.Items.Select(g => g.GroupId));
        var web = page.Items[0];
        Assert.Equal(("web", "web tier", "vpc-2e5dce95727d78e64", "123456789012"), (web.GroupName, web.Description, web.VpcId, web.OwnerId));
        Assert.Equal("arn:aws:ec2:us-east-1:123456789012:security-group/sg-0796e0c29fe5b1c00", web.SecurityGroupArn);
        Assert.Equal([("tier", "web")], web.Tags!.Select(t => (t.Key, t.Value)));
        Assert.Equal(
            ["tcp 22-22 ip:0.0.0.0/0(ssh from anywhere)", "tcp 443-443 ip6:::/0(https v6)", "tcp 5432-5432 pl:pl-30c6dd3a8ef7da836()", "icmp 8-0 ip:10.0.0.0/8()"],
            web.IpPermissions!.Select(Describe));
        Assert.Equal(["-1 - ip:0.0.0.0/0() ip6:::/0()"], web.IpPermissionsEgress!.Select(Describe));
        Assert.All(web.IpPermissions!, p => Assert.Empty(p.UserIdGroupPairs!));

        var app = page.Items[1];
        Assert.Empty(app.Tags!);
        var pair = Assert.Single(app.IpPermissions![0].UserIdGroupPairs!);
        Assert.Equal(("sg-0796e0c29fe5b1c00", "123456789012", "from web"), (pair.GroupId, pair.UserId, pair.Description));
        Assert.Equal("-1 - ip:0.0.0.0/0()", Describe(app.IpPermissions[1]));
    }

    [Fact]
    public void Should_ReadPeeringPairAndNextToken_When_RealEc2AnswersWithTrailingSlashNamespace()
    {
        var page = Ec2ResponseParser.ParseSecurityGroups(Stream(AwsSamples.RealSecurityGroupsPage));

        Assert.Equal("eyJ2IjoiMiIsImMiOiJ+page/2=", page.NextToken);
        var group = Assert.Single(page.Items);
        Assert.Equal(("sg-1a2b3c4d", "Peered & shared", "111122223333"), (group.GroupId, group.Description, group.OwnerId));
        var permission = Assert.Single(group.IpPermissions!);
        Assert.Equal(("tcp", 0, 65535), (permission.IpProtocol, permission.FromPort, permission.ToPort));
        var pair = Assert.Single(permission.UserIdGroupPairs!);
        Assert.Equal(("sg-9f8e7d6c", "444455556666", "vpc-9f8e7d6c", "pcx-1234abcd", "active", "peer app"), (pair.GroupId, pair.UserId, pair.VpcId, pair.VpcPeeringConnectionId, pair.PeeringStatus, pair.Description));
        var list = Assert.Single(permission.PrefixListIds!);
        Assert.Equal(("pl-12345678", "s3 endpoint"), (list.PrefixListId, list.Description));
        Assert.Empty(group.IpPermissionsEgress!);
    }

    [Fact]
    public void Should_ReadAttachmentAssociationAndGroups_When_ParsingNetworkInterfaces()
    {
        var page = Ec2ResponseParser.ParseNetworkInterfaces(Stream(AwsSamples.RealNetworkInterfaces));

        Assert.Equal(2, page.Items.Length);
        var lb = page.Items[0];
        Assert.Equal(("eni-0f7db6b6c0aEXAMPLE", "subnet-1a2b3c4d", "vpc-1a2b3c4d", "eu-west-1a"), (lb.NetworkInterfaceId, lb.SubnetId, lb.VpcId, lb.AvailabilityZone));
        Assert.Equal(("ELB app/prod/50dc6c495c0c9188", "111122223333", "amazon-elb", true), (lb.Description, lb.OwnerId, lb.RequesterId, lb.RequesterManaged));
        Assert.Equal(("in-use", "interface", "10.0.1.17"), (lb.Status, lb.InterfaceType, lb.PrivateIpAddress));
        Assert.Equal([("sg-1a2b3c4d", "peered"), ("sg-5e6f7a8b", "lb")], lb.Groups!.Select(g => (g.GroupId, g.GroupName)));
        Assert.Equal(("eni-attach-0123456789EXAMPLE", null, "amazon-elb", 1, "attached"), (lb.Attachment!.AttachmentId, lb.Attachment.InstanceId, lb.Attachment.InstanceOwnerId, lb.Attachment.DeviceIndex, lb.Attachment.Status));
        Assert.Equal(("203.0.113.12", "amazon"), (lb.Association!.PublicIp, lb.Association.IpOwnerId));
        Assert.Equal([("Name", "lb eni")], lb.TagSet!.Select(t => (t.Key, t.Value)));

        var endpoint = page.Items[1];
        Assert.Empty(endpoint.Groups!);
        Assert.Equal(("vpc_endpoint", false, "i-0123456789abcdef0", 0), (endpoint.InterfaceType, endpoint.RequesterManaged, endpoint.Attachment!.InstanceId, endpoint.Attachment.DeviceIndex));
        Assert.Null(endpoint.Association);
        Assert.Null(endpoint.TagSet);
    }

    [Fact]
    public void Should_ReadPortRangesIcmpAndProtocolNumbers_When_ParsingNetworkAcls()
    {
        var acl = Assert.Single(Ec2ResponseParser.ParseNetworkAcls(Stream(AwsSamples.RealNetworkAcls)).Items);

        Assert.Equal(("acl-5566778a", "vpc-5266953b", true, "111122223333"), (acl.NetworkAclId, acl.VpcId, acl.IsDefault, acl.OwnerId));
        Assert.Equal(
            ["100 6 allow in 0.0.0.0/0 ports 22-22", "110 1 deny in 0.0.0.0/0 icmp 8/-1", "32768 -1 deny out ::/0"],
            acl.Entries!.Select(Describe));
        var association = Assert.Single(acl.Associations!);
        Assert.Equal(("aclassoc-5c659635", "acl-5566778a", "subnet-ff669596"), (association.NetworkAclAssociationId, association.NetworkAclId, association.SubnetId));
        Assert.Equal([("env", "prod")], acl.Tags!.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public void Should_ReadCidrAssociationsAndTags_When_ParsingVpcs()
    {
        var vpc = Assert.Single(Ec2ResponseParser.ParseVpcs(Stream(AwsSamples.MotoVpcs)).Items);

        Assert.Equal(("vpc-2e5dce95727d78e64", "10.20.0.0/16", false, "123456789012", "available"), (vpc.VpcId, vpc.CidrBlock, vpc.IsDefault, vpc.OwnerId, vpc.State));
        Assert.Equal([("vpc-cidr-assoc-1", "10.20.0.0/16")], vpc.CidrBlockAssociationSet!.Select(a => (a.AssociationId, a.CidrBlock)));
        Assert.Equal([("vpc-cidr-assoc-2", "2600:1f18:abcd::/56")], vpc.Ipv6CidrBlockAssociationSet!.Select(a => (a.AssociationId, a.Ipv6CidrBlock)));
        Assert.Equal([("Name", "sgaudit-test")], vpc.Tags!.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public void Should_ReadNameEndpointAndOptInStatus_When_ParsingRegions()
    {
        var regions = Ec2ResponseParser.ParseRegions(Stream(AwsSamples.RealRegions));

        Assert.Equal(
            [("us-east-1", "ec2.us-east-1.amazonaws.com", "opt-in-not-required"), ("af-south-1", "ec2.af-south-1.amazonaws.com", "not-opted-in")],
            regions.Select(r => (r.RegionName, r.Endpoint, r.OptInStatus)));
    }

    [Fact]
    public void Should_ReturnAnEmptyPage_When_TheListIsEmptyOrAbsent()
    {
        var empty = Ec2ResponseParser.ParseSecurityGroups(Stream("""<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><securityGroupInfo/></DescribeSecurityGroupsResponse>"""));
        var absent = Ec2ResponseParser.ParseSecurityGroups(Stream("""<DescribeSecurityGroupsResponse><requestId>r</requestId><nextToken></nextToken></DescribeSecurityGroupsResponse>"""));

        Assert.Empty(empty.Items);
        Assert.Empty(absent.Items);
        Assert.Null(absent.NextToken);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Should_Throw_When_TheDocumentIsCutOff(double fraction)
    {
        // Given an answer that ends part-way (a dropped connection that HTTP did not notice)
        var bytes = Encoding.UTF8.GetBytes(AwsSamples.MotoSecurityGroups.Trim());
        var cut = bytes[..(int)(bytes.Length * fraction)];

        // Then it is an error, never a shorter page
        Assert.ThrowsAny<XmlException>(() => Ec2ResponseParser.ParseSecurityGroups(new MemoryStream(cut)));
    }

    [Fact]
    public void Should_Throw_When_TheAnswerIsAnErrorOrAnotherAction()
    {
        Assert.Throws<XmlException>(() => Ec2ResponseParser.ParseSecurityGroups(Stream(AwsSamples.Ec2ThrottledBody)));
        Assert.Throws<XmlException>(() => Ec2ResponseParser.ParseSecurityGroups(Stream(AwsSamples.MotoVpcs)));
        Assert.Throws<XmlException>(() => Ec2ResponseParser.ParseSecurityGroups(Stream("<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>sg-1</groupId><ipPermissions><item><fromPort>twenty-two</fromPort></item></ipPermissions></item></securityGroupInfo></DescribeSecurityGroupsResponse>")));
    }

    private static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    private static string Describe(IpPermissionShape p)
    {
        var ports = p.FromPort is null ? "-" : $"{p.FromPort}-{p.ToPort}";
        var sources = (p.IpRanges ?? []).Select(r => $"ip:{r.CidrIp}({r.Description})")
            .Concat((p.Ipv6Ranges ?? []).Select(r => $"ip6:{r.CidrIpv6}({r.Description})"))
            .Concat((p.PrefixListIds ?? []).Select(l => $"pl:{l.PrefixListId}({l.Description})"))
            .Concat((p.UserIdGroupPairs ?? []).Select(g => $"sg:{g.GroupId}"));
        return $"{p.IpProtocol} {ports} {string.Join(' ', sources)}";
    }

    private static string Describe(NetworkAclEntryShape e)
    {
        var text = $"{e.RuleNumber} {e.Protocol} {e.RuleAction} {(e.Egress == true ? "out" : "in")} {e.CidrBlock ?? e.Ipv6CidrBlock}";
        if (e.PortRange is { } range)
        {
            text += $" ports {range.From}-{range.To}";
        }

        if (e.IcmpTypeCode is { } icmp)
        {
            text += $" icmp {icmp.Type}/{icmp.Code}";
        }

        return text;
    }
}
