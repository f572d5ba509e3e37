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

    [Fact]
    public void Should_ReadTheSameModelAsTheSerializer_When_TheListsAreReadInParallel()
    {
        // Given lists long enough to be cut into chunks, with braces, quotes and backslashes inside their strings
        static string Group(int r, int g) =>
            $"{{\"GroupId\":\"sg-{r}-{g}\",\"GroupName\":\"g{{{g}}}\",\"Description\":\"say \\\"hi\\\" \\\\ {{ [\",\"Tags\":[{{\"Key\":\"k\",\"Value\":\"}}\\\\\"}}],"
            + $"\"IpPermissions\":[{{\"IpProtocol\":\"tcp\",\"FromPort\":{g % 65536},\"ToPort\":{g % 65536},\"IpRanges\":[{{\"CidrIp\":\"10.{r}.{g % 256}.0/24\",\"Description\":\"r{g % 7}\"}}]}}]}}";
        static string Interface(int r, int n) =>
            $"{{\"NetworkInterfaceId\":\"eni-{r}-{n}\",\"Groups\":[{{\"GroupId\":\"sg-{r}-{n}\"}}],\"Description\":\"{{\\\"\"}}";
        static string Region(int r, int groups) =>
            $"{{\"name\":\"region-{r}\",\"SecurityGroups\":[\n{string.Join(",\n ", Enumerable.Range(0, groups).Select(g => Group(r, g)))}\n],"
            + $"\"NetworkInterfaces\":[{string.Join(" , ", Enumerable.Range(0, groups / 2).Select(n => Interface(r, n)))}],\"NetworkAcls\":[]}}";
        var groups = (FastModelJsonReader.ItemsPerChunk * 5) + 3;

        // Then the model is the serializer's, in the same order
        AssertSameModel($"{{\"version\":1,\"accounts\":[{{\"id\":\"111122223333\",\"regions\":[{Region(1, groups)},{Region(2, 7)},{Region(3, groups)}]}}]}}");
    }

    [Fact]
    public void Should_KeepNoReferenceToTheFile_When_TheListsWereReadInParallel()
    {
        // Given a file whose list is read in parallel, read, and only its model kept (as a scan keeps its inventory)
        var (file, model) = ReadLongList();

        // When one full collection runs
        GC.Collect();

        // Then the file's bytes are gone: nothing of the read (its parallel workers among them) still holds them
        Assert.False(file.IsAlive, "the file's bytes outlived the read");
        Assert.Equal(FastModelJsonReader.ItemsPerChunk * 4, model.Accounts[0].Regions[0].SecurityGroups!.Count);
    }

    /// <summary>Reads in a frame of its own, so that no local of the test's frame keeps the bytes alive in a Debug build.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference File, ModelDocument Model) ReadLongList()
    {
        var items = string.Join(",", Enumerable.Range(0, FastModelJsonReader.ItemsPerChunk * 4).Select(g => $"{{\"GroupId\":\"sg-{g}\"}}"));
        var bytes = Encoding.UTF8.GetBytes($"{{\"accounts\":[{{\"id\":\"111122223333\",\"regions\":[{{\"name\":\"a\",\"SecurityGroups\":[{items}]}}]}}]}}");
        var model = FastModelJsonReader.TryRead(bytes) ?? throw new InvalidOperationException("the fast reader gave up");
        return (new WeakReference(bytes), model);
    }

    [Theory]
    [InlineData(",{\"GroupId\":5}")] // a wrong type in a chunk read on another thread
    [InlineData(",{\"GroupId\":\"a\",\"GroupId\":\"b\"}")] // a repeated key there
    [InlineData(",null")] // a null item
    [InlineData(",{\"GroupId\":\"x\"},")] // a trailing comma
    [InlineData(",/* a comment */{\"GroupId\":\"x\"}")] // a comment between items
    [InlineData(",{\"GroupId\":\"x\" /* } { \" */}")] // a comment inside an item that misleads the brace count
    [InlineData(",{\"GroupId\":\"x\"}}")] // an extra brace
    [InlineData(",{\"GroupId\":\"x\"")] // an unclosed item
    public void Should_LeaveTheFileToTheSerializer_When_AnItemOfALongListIsUnusual(string last)
    {
        // Given a list long enough to be read in parallel, with something unusual near its end
        var items = string.Join(",", Enumerable.Range(0, FastModelJsonReader.ItemsPerChunk * 3).Select(g => $"{{\"GroupId\":\"sg-{g}\"}}"));
        var json = $"{{\"accounts\":[{{\"id\":\"111122223333\",\"regions\":[{{\"name\":\"a\",\"SecurityGroups\":[{items}{last}]}}]}}]}}";

        // Then the fast reader gives up
        Assert.Null(FastModelJsonReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Should_LeaveTheFileToTheSerializer_When_AnItemNestsDeeperThanTheDocumentMayNest()
    {
        // Given an unknown key nested so deep that the item, at its depth in the document, passes the reader's limit of 64
        var deep = new string('[', 60) + new string(']', 60);
        var json = $"{{\"accounts\":[{{\"id\":\"111122223333\",\"regions\":[{{\"name\":\"a\",\"SecurityGroups\":[{{\"GroupId\":\"sg-1\",\"X\":{deep}}}]}}]}}]}}";

        // Then the fast reader gives up, as the serializer, with the same limit, refuses the file
        Assert.Null(FastModelJsonReader.TryRead(Encoding.UTF8.GetBytes(json)));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, StrictModelJsonContext.Default.ModelDocument));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_FindEachItemWhereTheJsonReaderDoes_When_StringsHoldBracesQuotesAndEscapesAcrossBlocks(int seed)
    {
        // Given lists of objects whose strings hold braces, escaped quotes and backslashes at every offset, so that
        // escapes and strings fall across the scan's 64-byte blocks
        var random = new Random(seed);
        var encoder = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, encoder))
        {
            writer.WriteStartArray();
            for (var i = 0; i < 300; i++)
            {
                writer.WriteStartObject();
                for (var p = random.Next(0, 6); p > 0; p--)
                {
                    writer.WriteString(RandomText(random), RandomText(random));
                    if (random.Next(3) == 0)
                    {
                        writer.WritePropertyName("nested");
                        writer.WriteStartObject();
                        writer.WriteString("a", RandomText(random));
                        writer.WriteStartArray("list");
                        writer.WriteStringValue(RandomText(random));
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        var json = buffer.ToArray();

        // When the scan cuts the list into items
        var found = new List<(int Start, int End)>();
        Assert.True(FastModelJsonReader.TryFindItems(json, 1, found, out var closingBracket));

        // Then each item is exactly where System.Text.Json's reader finds it
        var expected = new List<(int Start, int End)>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            expected.Add((start, (int)reader.BytesConsumed));
        }

        Assert.Equal(expected, found);
        Assert.Equal(json.Length - 1, closingBracket);
    }

    private static string RandomText(Random random)
    {
        const string Alphabet = "ab{}[]\"\\:, é";
        var chars = new char[random.Next(0, 90)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
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
