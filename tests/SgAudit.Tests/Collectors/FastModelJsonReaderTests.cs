using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SgAudit.Collectors.Models;

namespace SgAudit.Tests.Collectors;

/// <summary>
/// The fast JSON model reader must give exactly the model System.Text.Json gives, or give up and leave the file to
/// System.Text.Json (which then reports the error); it must never accept something differently.
/// </summary>
public sealed class FastModelJsonReaderTests
{
    private const string Everything = """
        // comments are allowed
        {
          "Version": 1,
          "accounts": [
            {
              "ID": "111122223333",
              "name": "all \u0073hapes",
              "regions": [
                {
                  "name": "us-east-1",
                  "Vpcs": [ { "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "IsDefault": true, "OwnerId": "111122223333", "State": "available",
                              "Ipv6CidrBlockAssociationSet": [ { "Ipv6CidrBlock": "2001:db8::/56" } ], "Tags": [ { "Key": "Name", "Value": "main" } ], "Extra": { "a": [1, 2] } } ],
                  "securitygroups": [
                    {
                      "GroupId": "sg-1", "GroupName": "default", "Description": "the \"default\" group", "VpcId": "vpc-1", "OwnerId": "111122223333",
                      "SecurityGroupArn": null, "Tags": [ { "Key": "Name", "Value": null, "Unknown": true } ],
                      "IpPermissions": [
                        { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [ { "CidrIp": "0.0.0.0/0", "Description": "ssh" } ],
                          "Ipv6Ranges": [ { "CidrIpv6": "::/0" } ], "PrefixListIds": [ { "PrefixListId": "pl-1", "Description": "list" } ],
                          "UserIdGroupPairs": [ { "GroupId": "sg-2", "GroupName": "other", "UserId": "444455556666", "VpcId": "vpc-2",
                                                  "VpcPeeringConnectionId": "pcx-1", "PeeringStatus": "active", "Description": "peer" } ] },
                        { "ipprotocol": "-1", "FromPort": null, "ToPort": null, "IpRanges": null, "Ipv6Ranges": [], "SomethingNew": [ { "x": null } ] }
                      ],
                      "IpPermissionsEgress": []
                    },
                    { "GroupId": "sg-2", "IpPermissions": null, "Tags": [] }
                  ],
                  "NetworkInterfaces": [
                    { "NetworkInterfaceId": "eni-1", "Groups": [ { "GroupId": "sg-1", "GroupName": "default" } ], "InterfaceType": "interface", "Status": "in-use",
                      "VpcId": "vpc-1", "SubnetId": "subnet-1", "AvailabilityZone": "us-east-1a", "Description": "primary", "OwnerId": "111122223333",
                      "RequesterId": "amazon-elb", "RequesterManaged": true, "PrivateIpAddress": "10.0.0.5",
                      "Attachment": { "AttachmentId": "eni-attach-1", "InstanceId": "i-1", "InstanceOwnerId": "111122223333", "DeviceIndex": 0, "Status": "attached" },
                      "Association": { "PublicIp": "203.0.113.5", "IpOwnerId": "amazon" }, "TagSet": [ { "Key": "team", "Value": "web" } ],
                      "MacAddress": "0a:00:00:00:00:01", "SourceDestCheck": true },
                    { "NetworkInterfaceId": "eni-2", "RequesterManaged": false, "Attachment": null, "Groups": [] }
                  ],
                  "NetworkAcls": [
                    { "NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": true, "OwnerId": "111122223333",
                      "Entries": [ { "RuleNumber": 100, "Protocol": "6", "RuleAction": "allow", "Egress": false, "CidrBlock": "0.0.0.0/0",
                                     "PortRange": { "From": 22, "To": 22 } },
                                   { "RuleNumber": 110, "Protocol": "1", "RuleAction": "deny", "Egress": false, "Ipv6CidrBlock": "::/0",
                                     "IcmpTypeCode": { "Type": 8, "Code": -1 } } ],
                      "Associations": [ { "SubnetId": "subnet-1" } ], "Tags": [] }
                  ]
                },
                { "name": "eu-west-1", "error": { "code": "UnauthorizedOperation", "message": "no" } },
                { "name": "eu-west-2", "SecurityGroups": [] }
              ]
            },
            { "id": "444455556666", "error": null, "regions": [] }
          ]
        }
        """;

    [Fact]
    public void Should_ReadTheSameModelAsTheSerializer_When_EveryShapeAndPropertyIsPresent()
    {
        AssertSameModel(Everything);
    }

    [Theory]
    [InlineData("demo-account.yaml")]
    [InlineData("model-example.yaml")]
    public void Should_ReadTheSameModelAsTheSerializer_When_TheShippedModelsAreWrittenAsJson(string name)
    {
        // Given a realistic model, written out as JSON
        var yaml = name == "demo-account.yaml"
            ? ModelSource.LoadDemo().Document
            : ModelFileReader.ReadFile(Path.Combine(ThisDirectory(), "Fixtures", name));
        var json = JsonSerializer.Serialize(yaml, StrictModelJsonContext.Default.ModelDocument);

        // Then both readers give the same model
        AssertSameModel(json);
    }

    [Theory]
    [InlineData("""{"accounts":[],"extra":1}""")] // an unknown key on a model object is an error
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","Unknown":[]}]}]}""")]
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"GroupId":"a","groupid":"b"}]}]}]}""")] // repeated key
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"GroupId":"a","X":1,"x":2}]}]}]}""")] // repeated unknown key
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[null]}]}]}""")] // a null item
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"GroupId":5}]}]}]}""")] // wrong type
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"IpPermissions":[{"FromPort":"22"}]}]}]}]}""")]
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"IpPermissions":[{"FromPort":22.5}]}]}]}]}""")]
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"Gr\u006fupId":"a"}]}]}]}""")] // escaped key
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"GroupName":"bad\ud800"}]}]}]}""")] // lone surrogate
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a","NetworkInterfaces":[{"Attachment":{"DeviceIndex":"0"}}]}]}]}""")]
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a"},{"name":"b","SecurityGroups":[{"GroupName":"bad\ud800"}]}]}]}""")] // in a later region
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a"}]},{"id":"2","regions":[{"name":"b","SecurityGroups":[{"GroupId":"sg-1","GroupId":"sg-2"}]}]}]}""")] // duplicate key in another account's region
    [InlineData("""{"accounts":[{"id":"1","regions":[{"name":"a"}, 3]}]}""")]
    [InlineData("""{"version":null,"accounts":[]}""")]
    [InlineData("""{"accounts":null}""")]
    [InlineData("""{"accounts":[]} {}""")] // trailing content
    [InlineData("""{"accounts":[{"id":"1",]}""")] // syntax error
    [InlineData("""[]""")]
    public void Should_LeaveTheFileToTheSerializer_When_TheInputIsUnusual(string json)
    {
        Assert.Null(FastModelJsonReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Should_SkipAnUnknownKeyWithANonAsciiName_OnlyThroughTheSerializer()
    {
        // "ſ" (long s) upper-cases to "S": the serializer's case-insensitive match may take it for a known key
        Assert.Null(FastModelJsonReader.TryRead(Encoding.UTF8.GetBytes("""{"accounts":[{"id":"1","regions":[{"name":"a","SecurityGroups":[{"ſecurityGroupArn":"x"}]}]}]}""")));
    }

    [Fact]
    public void Should_ReadEveryRegionOfEveryAccount_When_ThereAreMany()
    {
        static string Group(int a, int r, int g) =>
            $"{{\"GroupId\":\"sg-{a}{r}{g}\",\"GroupName\":\"g{g}\",\"IpPermissions\":[{{\"IpProtocol\":\"tcp\",\"FromPort\":{g},\"ToPort\":{g + r},"
            + $"\"IpRanges\":[{{\"CidrIp\":\"10.{a}.{r}.0/24\",\"Description\":\"r{r}\"}}]}}]}}";
        static string Region(int a, int r) =>
            $"{{\"name\":\"region-{a}-{r}\",\"SecurityGroups\":[{string.Join(',', Enumerable.Range(0, 40).Select(g => Group(a, r, g)))}]}}";
        static string Account(int a) =>
            $"{{\"id\":\"11112222333{a}\",\"regions\":[{string.Join(',', Enumerable.Range(0, 7).Select(r => Region(a, r)))}]}}";

        AssertSameModel($"{{\"version\":1,\"accounts\":[{string.Join(',', Enumerable.Range(0, 3).Select(Account))}]}}");
    }

    private static void AssertSameModel(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = JsonSerializer.Deserialize(bytes, StrictModelJsonContext.Default.ModelDocument);
        var actual = FastModelJsonReader.TryRead(bytes);

        Assert.NotNull(actual);
        Assert.Equal(
            JsonSerializer.Serialize(expected, StrictModelJsonContext.Default.ModelDocument),
            JsonSerializer.Serialize(actual, StrictModelJsonContext.Default.ModelDocument));
    }

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
