using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Collectors.Models;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>
/// A model where every member of every EC2 shape class has a value, so an element written under a wrong name
/// (which botocore would silently drop) shows up as a missing value when the aws CLI's output is compared.
/// </summary>
internal static class EveryMemberModel
{
    public const string AccountId = "111122223333";

    public static ModelDocument Create() => new()
    {
        Accounts =
        [
            new ModelAccount
            {
                Id = AccountId,
                Regions =
                [
                    new ModelRegion
                    {
                        Name = "eu-central-1",
                        Vpcs =
                        [
                            new VpcShape
                            {
                                VpcId = "vpc-1",
                                CidrBlock = "10.0.0.0/16",
                                CidrBlockAssociationSet = [new CidrBlockAssociationShape { AssociationId = "vpc-cidr-assoc-1", CidrBlock = "10.0.0.0/16" }],
                                Ipv6CidrBlockAssociationSet = [new CidrBlockAssociationShape { AssociationId = "vpc-cidr-assoc-2", Ipv6CidrBlock = "2600:1f18::/56" }],
                                IsDefault = false,
                                OwnerId = AccountId,
                                State = "available",
                                Tags = [new TagShape { Key = "Name", Value = "main" }],
                            },
                        ],
                        SecurityGroups =
                        [
                            new SecurityGroupShape
                            {
                                GroupId = "sg-1",
                                GroupName = "web",
                                Description = "web tier",
                                VpcId = "vpc-1",
                                OwnerId = AccountId,
                                SecurityGroupArn = $"arn:aws:ec2:eu-central-1:{AccountId}:security-group/sg-1",
                                Tags = [new TagShape { Key = "team", Value = "web" }],
                                IpPermissions =
                                [
                                    new IpPermissionShape
                                    {
                                        IpProtocol = "tcp",
                                        FromPort = 443,
                                        ToPort = 443,
                                        IpRanges = [new IpRangeShape { CidrIp = "0.0.0.0/0", Description = "world" }],
                                        Ipv6Ranges = [new Ipv6RangeShape { CidrIpv6 = "::/0", Description = "world v6" }],
                                        PrefixListIds = [new PrefixListIdShape { PrefixListId = "pl-1", Description = "corp" }],
                                        UserIdGroupPairs =
                                        [
                                            new UserIdGroupPairShape
                                            {
                                                GroupId = "sg-2",
                                                GroupName = "peer",
                                                UserId = "444455556666",
                                                VpcId = "vpc-9",
                                                VpcPeeringConnectionId = "pcx-1",
                                                PeeringStatus = "active",
                                                Description = "peered app",
                                            },
                                        ],
                                    },
                                ],
                                IpPermissionsEgress = [new IpPermissionShape { IpProtocol = "-1", IpRanges = [new IpRangeShape { CidrIp = "0.0.0.0/0" }], Ipv6Ranges = [], PrefixListIds = [], UserIdGroupPairs = [] }],
                            },
                        ],
                        NetworkInterfaces =
                        [
                            new NetworkInterfaceShape
                            {
                                NetworkInterfaceId = "eni-1",
                                Groups = [new GroupIdentifierShape { GroupId = "sg-1", GroupName = "web" }],
                                InterfaceType = "interface",
                                Status = "in-use",
                                VpcId = "vpc-1",
                                SubnetId = "subnet-1",
                                AvailabilityZone = "eu-central-1a",
                                Description = "web server",
                                OwnerId = AccountId,
                                RequesterId = "AIDAEXAMPLE",
                                RequesterManaged = false,
                                PrivateIpAddress = "10.0.1.10",
                                Attachment = new NetworkInterfaceAttachmentShape { AttachmentId = "eni-attach-1", InstanceId = "i-1", InstanceOwnerId = AccountId, DeviceIndex = 0, Status = "attached" },
                                Association = new NetworkInterfaceAssociationShape { PublicIp = "203.0.113.10", IpOwnerId = "amazon" },
                                TagSet = [new TagShape { Key = "Name", Value = "web-1" }],
                            },
                        ],
                        NetworkAcls =
                        [
                            new NetworkAclShape
                            {
                                NetworkAclId = "acl-1",
                                VpcId = "vpc-1",
                                IsDefault = true,
                                OwnerId = AccountId,
                                Entries =
                                [
                                    new NetworkAclEntryShape { RuleNumber = 100, Protocol = "6", RuleAction = "allow", Egress = false, CidrBlock = "0.0.0.0/0", PortRange = new PortRangeShape { From = 22, To = 22 } },
                                    new NetworkAclEntryShape { RuleNumber = 110, Protocol = "58", RuleAction = "deny", Egress = true, Ipv6CidrBlock = "::/0", IcmpTypeCode = new IcmpTypeCodeShape { Type = 128, Code = 0 } },
                                ],
                                Associations = [new NetworkAclAssociationShape { NetworkAclAssociationId = "aclassoc-1", NetworkAclId = "acl-1", SubnetId = "subnet-1" }],
                                Tags = [new TagShape { Key = "Name", Value = "default" }],
                            },
                        ],
                    },
                ],
            },
        ],
    };
}
