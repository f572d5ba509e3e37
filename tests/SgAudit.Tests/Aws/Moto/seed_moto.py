"""Seeds a moto_server for SgAudit's live-transport tests and prints what it created as JSON.

Usage: python3 seed_moto.py http://127.0.0.1:PORT
Creates, in account 123456789012 (us-east-1 and eu-west-1) and in account 222222222222 (reached by assuming
arn:aws:iam::222222222222:role/SgAuditReadOnly), VPCs, security groups with rules for 0.0.0.0/0, ::/0, a prefix
list and a group reference, a network interface, a network ACL with entries, and a CloudTrail trail. The output
lists the ids and, per account and region, every group, interface and ACL id boto3 sees (moto adds defaults).
"""
import json
import sys
import time

import boto3
from botocore.config import Config

ENDPOINT = sys.argv[1]
CONFIG = Config(retries={"max_attempts": 8, "mode": "standard"})  # moto sometimes answers 500 under concurrent creates


def client(service, region, creds=None):
    creds = creds or {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    return boto3.client(service, region_name=region, endpoint_url=ENDPOINT, config=CONFIG, **creds)


def seed_region(ec2, with_ipv6):
    vpc_args = {"CidrBlock": "10.20.0.0/16"}
    if with_ipv6:
        vpc_args["AmazonProvidedIpv6CidrBlock"] = True
    vpc = ec2.create_vpc(**vpc_args)["Vpc"]["VpcId"]
    ec2.create_tags(Resources=[vpc], Tags=[{"Key": "Name", "Value": "sgaudit-test"}])
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24")["Subnet"]["SubnetId"]
    pl = ec2.create_managed_prefix_list(PrefixListName="corp", AddressFamily="IPv4", MaxEntries=5,
                                        Entries=[{"Cidr": "192.0.2.0/24", "Description": "office"}])["PrefixList"]["PrefixListId"]
    web = ec2.create_security_group(GroupName="web", Description="web tier", VpcId=vpc,
                                    TagSpecifications=[{"ResourceType": "security-group", "Tags": [{"Key": "tier", "Value": "web"}]}])["GroupId"]
    app = ec2.create_security_group(GroupName="app", Description="app tier", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=web, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "ssh from anywhere"}]},
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "Ipv6Ranges": [{"CidrIpv6": "::/0", "Description": "https v6"}]},
        {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "PrefixListIds": [{"PrefixListId": pl}]},
        {"IpProtocol": "icmp", "FromPort": 8, "ToPort": 0, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
    ])
    ec2.authorize_security_group_ingress(GroupId=app, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": web, "Description": "from web"}]},
        {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    ])
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[web, app], Description="sgaudit eni",
                                       TagSpecifications=[{"ResourceType": "network-interface", "Tags": [{"Key": "role", "Value": "lb"}]}])["NetworkInterface"]["NetworkInterfaceId"]
    nacl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    ec2.create_network_acl_entry(NetworkAclId=nacl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False,
                                 CidrBlock="0.0.0.0/0", PortRange={"From": 22, "To": 22})
    ec2.create_network_acl_entry(NetworkAclId=nacl, RuleNumber=110, Protocol="17", RuleAction="deny", Egress=False,
                                 CidrBlock="10.0.0.0/8", PortRange={"From": 53, "To": 53})
    ec2.create_network_acl_entry(NetworkAclId=nacl, RuleNumber=120, Protocol="-1", RuleAction="allow", Egress=True,
                                 Ipv6CidrBlock="::/0")
    listing = {
        "groups": sorted(g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"]),
        "interfaces": sorted(n["NetworkInterfaceId"] for n in ec2.describe_network_interfaces()["NetworkInterfaces"]),
        "acls": sorted(a["NetworkAclId"] for a in ec2.describe_network_acls()["NetworkAcls"]),
        "vpcs": sorted(v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"]),
    }
    return {"vpc": vpc, "subnet": subnet, "prefixList": pl, "web": web, "app": app, "eni": eni, "nacl": nacl, **listing}


def seed_other_account():
    sts = client("sts", "us-east-1")
    creds = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/SgAuditReadOnly", RoleSessionName="seed")["Credentials"]
    ec2 = client("ec2", "us-east-1", {"aws_access_key_id": creds["AccessKeyId"], "aws_secret_access_key": creds["SecretAccessKey"],
                                      "aws_session_token": creds["SessionToken"]})
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    group = ec2.create_security_group(GroupName="other-account", Description="second account", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    ])
    return {"vpc": vpc, "group": group,
            "groups": sorted(g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"])}


def seed_trail():
    client("s3", "us-east-1").create_bucket(Bucket="sgaudit-trail-bucket")
    cloudtrail = client("cloudtrail", "us-east-1")
    trail = cloudtrail.create_trail(Name="org-trail", S3BucketName="sgaudit-trail-bucket", IsMultiRegionTrail=True,
                                    EnableLogFileValidation=True)["TrailARN"]
    cloudtrail.start_logging(Name="org-trail")
    cloudtrail.put_event_selectors(TrailName="org-trail", EventSelectors=[
        {"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True, "ExcludeManagementEventSources": ["kms.amazonaws.com"]},
    ])
    return {"name": "org-trail", "arn": trail}


def main():
    started = time.time()
    result = {
        "123456789012": {
            "us-east-1": seed_region(client("ec2", "us-east-1"), with_ipv6=True),
            "eu-west-1": seed_region(client("ec2", "eu-west-1"), with_ipv6=False),
        },
        "222222222222": {"us-east-1": seed_other_account()},
        "trail": seed_trail(),
        "seconds": round(time.time() - started, 2),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
