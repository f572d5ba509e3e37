namespace SgAudit.Tests.Aws;

/// <summary>
/// Answers as the services send them. The moto ones were captured from moto_server 5.2.1 (namespace without a
/// trailing slash); the "real" ones follow the EC2 API reference (namespace with the slash, fields moto leaves out).
/// </summary>
internal static class AwsSamples
{
    public const string MotoSecurityGroups = """
        <?xml version="1.0" encoding="utf-8"?>
        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><securityGroupInfo><item><groupId>sg-0796e0c29fe5b1c00</groupId><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item></ipPermissionsEgress><tagSet><item><key>tier</key><value>web</value></item></tagSet><vpcId>vpc-2e5dce95727d78e64</vpcId><securityGroupArn>arn:aws:ec2:us-east-1:123456789012:security-group/sg-0796e0c29fe5b1c00</securityGroupArn><ownerId>123456789012</ownerId><groupName>web</groupName><groupDescription>web tier</groupDescription><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/><ipRanges><item><description>ssh from anywhere</description><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges/><ipv6Ranges><item><description>https v6</description><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item><item><ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort><groups/><ipRanges/><ipv6Ranges/><prefixListIds><item><prefixListId>pl-30c6dd3a8ef7da836</prefixListId></item></prefixListIds></item><item><ipProtocol>icmp</ipProtocol><fromPort>8</fromPort><toPort>0</toPort><groups/><ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions></item><item><groupId>sg-8acfb6e5b410a1be0</groupId><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item></ipPermissionsEgress><tagSet/><vpcId>vpc-2e5dce95727d78e64</vpcId><securityGroupArn>arn:aws:ec2:us-east-1:123456789012:security-group/sg-8acfb6e5b410a1be0</securityGroupArn><ownerId>123456789012</ownerId><groupName>app</groupName><groupDescription>app tier</groupDescription><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>8080</fromPort><toPort>8080</toPort><groups><item><description>from web</description><userId>123456789012</userId><groupId>sg-0796e0c29fe5b1c00</groupId></item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions></item></securityGroupInfo><requestId>request-id</requestId></DescribeSecurityGroupsResponse>
        """;

    /// <summary>Real EC2: namespace with a trailing slash, a cross-account peered group pair, a prefix-list description, nextToken.</summary>
    public const string RealSecurityGroupsPage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
            <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
            <securityGroupInfo>
                <item>
                    <ownerId>111122223333</ownerId>
                    <groupId>sg-1a2b3c4d</groupId>
                    <groupName>peered</groupName>
                    <groupDescription>Peered &amp; shared</groupDescription>
                    <vpcId>vpc-1a2b3c4d</vpcId>
                    <securityGroupArn>arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1a2b3c4d</securityGroupArn>
                    <ipPermissions>
                        <item>
                            <ipProtocol>tcp</ipProtocol>
                            <fromPort>0</fromPort>
                            <toPort>65535</toPort>
                            <groups>
                                <item>
                                    <userId>444455556666</userId>
                                    <groupId>sg-9f8e7d6c</groupId>
                                    <vpcId>vpc-9f8e7d6c</vpcId>
                                    <vpcPeeringConnectionId>pcx-1234abcd</vpcPeeringConnectionId>
                                    <peeringStatus>active</peeringStatus>
                                    <description>peer app</description>
                                </item>
                            </groups>
                            <ipRanges/>
                            <ipv6Ranges/>
                            <prefixListIds>
                                <item>
                                    <prefixListId>pl-12345678</prefixListId>
                                    <description>s3 endpoint</description>
                                </item>
                            </prefixListIds>
                        </item>
                    </ipPermissions>
                    <ipPermissionsEgress/>
                    <tagSet/>
                </item>
            </securityGroupInfo>
            <nextToken>eyJ2IjoiMiIsImMiOiJ+page/2=</nextToken>
        </DescribeSecurityGroupsResponse>
        """;

    public const string RealNetworkInterfaces = """
        <DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>fc45294c-006b-457b-bab9-012f5EXAMPLE</requestId>
          <networkInterfaceSet>
            <item>
              <networkInterfaceId>eni-0f7db6b6c0aEXAMPLE</networkInterfaceId>
              <subnetId>subnet-1a2b3c4d</subnetId>
              <vpcId>vpc-1a2b3c4d</vpcId>
              <availabilityZone>eu-west-1a</availabilityZone>
              <description>ELB app/prod/50dc6c495c0c9188</description>
              <ownerId>111122223333</ownerId>
              <requesterId>amazon-elb</requesterId>
              <requesterManaged>true</requesterManaged>
              <status>in-use</status>
              <interfaceType>interface</interfaceType>
              <privateIpAddress>10.0.1.17</privateIpAddress>
              <groupSet>
                <item><groupId>sg-1a2b3c4d</groupId><groupName>peered</groupName></item>
                <item><groupId>sg-5e6f7a8b</groupId><groupName>lb</groupName></item>
              </groupSet>
              <attachment>
                <attachmentId>eni-attach-0123456789EXAMPLE</attachmentId>
                <instanceOwnerId>amazon-elb</instanceOwnerId>
                <deviceIndex>1</deviceIndex>
                <status>attached</status>
              </attachment>
              <association>
                <publicIp>203.0.113.12</publicIp>
                <ipOwnerId>amazon</ipOwnerId>
              </association>
              <tagSet><item><key>Name</key><value>lb eni</value></item></tagSet>
              <privateIpAddressesSet><item><privateIpAddress>10.0.1.17</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>
            </item>
            <item>
              <networkInterfaceId>eni-0a1b2c3d4eEXAMPLE</networkInterfaceId>
              <groupSet/>
              <interfaceType>vpc_endpoint</interfaceType>
              <requesterManaged>false</requesterManaged>
              <status>available</status>
              <attachment>
                <instanceId>i-0123456789abcdef0</instanceId>
                <deviceIndex>0</deviceIndex>
                <status>attached</status>
              </attachment>
            </item>
          </networkInterfaceSet>
        </DescribeNetworkInterfacesResponse>
        """;

    public const string RealNetworkAcls = """
        <DescribeNetworkAclsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
          <networkAclSet>
            <item>
              <networkAclId>acl-5566778a</networkAclId>
              <vpcId>vpc-5266953b</vpcId>
              <default>true</default>
              <ownerId>111122223333</ownerId>
              <entrySet>
                <item>
                  <ruleNumber>100</ruleNumber>
                  <protocol>6</protocol>
                  <ruleAction>allow</ruleAction>
                  <egress>false</egress>
                  <cidrBlock>0.0.0.0/0</cidrBlock>
                  <portRange><from>22</from><to>22</to></portRange>
                </item>
                <item>
                  <ruleNumber>110</ruleNumber>
                  <protocol>1</protocol>
                  <ruleAction>deny</ruleAction>
                  <egress>false</egress>
                  <cidrBlock>0.0.0.0/0</cidrBlock>
                  <icmpTypeCode><code>-1</code><type>8</type></icmpTypeCode>
                </item>
                <item>
                  <ruleNumber>32768</ruleNumber>
                  <protocol>-1</protocol>
                  <ruleAction>deny</ruleAction>
                  <egress>true</egress>
                  <ipv6CidrBlock>::/0</ipv6CidrBlock>
                </item>
              </entrySet>
              <associationSet>
                <item>
                  <networkAclAssociationId>aclassoc-5c659635</networkAclAssociationId>
                  <networkAclId>acl-5566778a</networkAclId>
                  <subnetId>subnet-ff669596</subnetId>
                </item>
              </associationSet>
              <tagSet><item><key>env</key><value>prod</value></item></tagSet>
            </item>
          </networkAclSet>
        </DescribeNetworkAclsResponse>
        """;

    public const string MotoVpcs = """
        <?xml version="1.0" encoding="utf-8"?>
        <DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><requestId>request-id</requestId><vpcSet><item><vpcId>vpc-2e5dce95727d78e64</vpcId><state>available</state><cidrBlock>10.20.0.0/16</cidrBlock><cidrBlockAssociationSet><item><cidrBlock>10.20.0.0/16</cidrBlock><associationId>vpc-cidr-assoc-1</associationId><cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet><ipv6CidrBlockAssociationSet><item><ipv6CidrBlock>2600:1f18:abcd::/56</ipv6CidrBlock><associationId>vpc-cidr-assoc-2</associationId></item></ipv6CidrBlockAssociationSet><dhcpOptionsId>dopt-1</dhcpOptionsId><instanceTenancy>default</instanceTenancy><isDefault>false</isDefault><ownerId>123456789012</ownerId><tagSet><item><key>Name</key><value>sgaudit-test</value></item></tagSet></item></vpcSet></DescribeVpcsResponse>
        """;

    public const string RealRegions = """
        <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
           <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
           <regionInfo>
              <item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
              <item><regionName>af-south-1</regionName><regionEndpoint>ec2.af-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item>
           </regionInfo>
        </DescribeRegionsResponse>
        """;

    public const string Ec2ThrottledBody = """<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>d1b2c3</RequestID></Response>""";

    public const string Ec2UnauthorizedBody = """<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>d1b2c4</RequestID></Response>""";

    public const string MotoHtml500 = """
        <!doctype html>
        <html lang=en>
        <title>500 Internal Server Error</title>
        <h1>Internal Server Error</h1>
        <p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>
        """;

    public const string CloudTrailThrottledBody = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";

    public const string CloudTrailTrails = """
        {"trailList": [{"Name": "org-trail", "S3BucketName": "sgaudit-trail-bucket", "IncludeGlobalServiceEvents": true, "IsMultiRegionTrail": true, "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail", "LogFileValidationEnabled": true, "IsOrganizationTrail": false, "HasCustomEventSelectors": false, "HasInsightSelectors": false, "CloudWatchLogsLogGroupArn": null, "CloudWatchLogsRoleArn": null, "KmsKeyId": null, "HomeRegion": "us-east-1"}]}
        """;

    public const string CloudTrailLookupEvents = """
        {"Events": [{"EventId": "e-1", "EventName": "AuthorizeSecurityGroupIngress", "ReadOnly": "false", "AccessKeyId": "ASIAEXAMPLE", "EventTime": 1.7E9, "EventSource": "ec2.amazonaws.com", "Username": "alice",
                     "Resources": [{"ResourceType": "AWS::EC2::SecurityGroup", "ResourceName": "sg-1a2b3c4d"}], "CloudTrailEvent": "{\"sourceIPAddress\":\"198.51.100.7\"}"}],
         "NextToken": "page-2"}
        """;
}
