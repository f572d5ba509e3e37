using System.Text.Json;
using SgAudit.Collectors.Ec2.Shapes;
using SgAudit.Collectors.Emulator;
using SgAudit.Collectors.Models;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>
/// The real aws CLI against the served emulator. botocore parses each response by the EC2, STS and CloudTrail
/// models, and its JSON output is in the AWS CLI shapes the model files use, so it reads back into the model.
/// </summary>
public sealed class AwsCliTests
{
    [Fact]
    public async Task Should_PrintTheModelsResources_When_TheAwsCliDescribesThem()
    {
        // Given the demo model served over HTTP
        var model = ModelSource.LoadDemo().Document;
        var production = model.Accounts[0].Regions.Single(r => r.Name == "us-east-1");
        var analytics = model.Accounts[0].Regions.Single(r => r.Name == "eu-west-1");
        await using var server = await ServedEmulator.StartAsync(model);

        // When the aws CLI describes each kind of resource
        var groups = await AwsCli.RunAsync(server.Endpoint, "eu-west-1", ["ec2", "describe-security-groups"]);
        var vpcs = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["ec2", "describe-vpcs"]);
        var interfaces = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["ec2", "describe-network-interfaces"]);
        var acls = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["ec2", "describe-network-acls"]);
        var regions = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["ec2", "describe-regions"]);

        // Then its output is the model
        ShapeComparison.Equal(analytics.SecurityGroups, Read(groups, "SecurityGroups", ModelJsonContext.Default.SecurityGroupShape));
        ShapeComparison.Equal(production.Vpcs, Read(vpcs, "Vpcs", ModelJsonContext.Default.VpcShape));
        ShapeComparison.Equal(production.NetworkInterfaces, Read(interfaces, "NetworkInterfaces", ModelJsonContext.Default.NetworkInterfaceShape));
        ShapeComparison.Equal(production.NetworkAcls, Read(acls, "NetworkAcls", ModelJsonContext.Default.NetworkAclShape));
        var expectedRegions = await new EmulatedEc2Api(model.Accounts[0]).DescribeRegionsAsync(CancellationToken.None);
        ShapeComparison.Equal(expectedRegions, regions.GetProperty("Regions").Deserialize<List<RegionShape>>());
        Assert.Equal(["us-east-1", "eu-west-1"], expectedRegions.Select(r => r.RegionName));
    }

    [Fact]
    public async Task Should_PrintEveryMemberOfEveryShape_When_EachHasAValue()
    {
        // Given a model where every member the shape classes carry is set
        var model = EveryMemberModel.Create();
        var region = model.Accounts[0].Regions[0];
        await using var server = await ServedEmulator.StartAsync(model);

        // When the aws CLI (botocore, which drops elements its model does not name) reads them
        var groups = await AwsCli.RunAsync(server.Endpoint, region.Name!, ["ec2", "describe-security-groups"]);
        var vpcs = await AwsCli.RunAsync(server.Endpoint, region.Name!, ["ec2", "describe-vpcs"]);
        var interfaces = await AwsCli.RunAsync(server.Endpoint, region.Name!, ["ec2", "describe-network-interfaces"]);
        var acls = await AwsCli.RunAsync(server.Endpoint, region.Name!, ["ec2", "describe-network-acls"]);

        // Then no member is lost or renamed
        ShapeComparison.Equal(region.SecurityGroups, Read(groups, "SecurityGroups", ModelJsonContext.Default.SecurityGroupShape));
        ShapeComparison.Equal(region.Vpcs, Read(vpcs, "Vpcs", ModelJsonContext.Default.VpcShape));
        ShapeComparison.Equal(region.NetworkInterfaces, Read(interfaces, "NetworkInterfaces", ModelJsonContext.Default.NetworkInterfaceShape));
        ShapeComparison.Equal(region.NetworkAcls, Read(acls, "NetworkAcls", ModelJsonContext.Default.NetworkAclShape));
    }

    [Fact]
    public async Task Should_ReturnEveryGroupOnce_When_TheAwsCliPagesByFive()
    {
        var model = ModelSource.LoadDemo().Document;
        var expected = model.Accounts[0].Regions.Single(r => r.Name == "us-east-1").SecurityGroups!;
        await using var server = await ServedEmulator.StartAsync(model);

        // --page-size 5 makes the CLI send MaxResults=5 and follow nextToken to the end
        var groups = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["ec2", "describe-security-groups", "--page-size", "5"]);

        ShapeComparison.Equal(expected, Read(groups, "SecurityGroups", ModelJsonContext.Default.SecurityGroupShape));
        Assert.Equal((expected.Count + 4) / 5, server.RequestCounts["DescribeSecurityGroups"]);
    }

    [Fact]
    public async Task Should_ActInTheRolesAccount_When_TheAwsCliUsesCredentialsFromAssumeRole()
    {
        var model = ModelSource.LoadDemo().Document;
        await using var server = await ServedEmulator.StartAsync(model);

        // When the CLI assumes a role in the second account and uses the credentials
        var assumed = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["sts", "assume-role", "--role-arn", "arn:aws:iam::210987654321:role/SgAuditReader", "--role-session-name", "cli"]);
        var credentials = assumed.GetProperty("Credentials");
        var asRole = new AwsCliCredentials(credentials.GetProperty("AccessKeyId").GetString()!, credentials.GetProperty("SecretAccessKey").GetString()!, credentials.GetProperty("SessionToken").GetString());
        var identity = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["sts", "get-caller-identity"], asRole);
        var groups = await AwsCli.RunAsync(server.Endpoint, "us-west-2", ["ec2", "describe-security-groups"], asRole);
        var defaultIdentity = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["sts", "get-caller-identity"]);

        // Then STS reports that account, and EC2 serves its groups
        Assert.Equal("arn:aws:sts::210987654321:assumed-role/SgAuditReader/cli", assumed.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());
        Assert.True(DateTimeOffset.Parse(credentials.GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        Assert.Equal("210987654321", identity.GetProperty("Account").GetString());
        Assert.Equal("arn:aws:sts::210987654321:assumed-role/SgAuditReader/cli", identity.GetProperty("Arn").GetString());
        ShapeComparison.Equal(model.Accounts[1].Regions.Single(r => r.Name == "us-west-2").SecurityGroups, Read(groups, "SecurityGroups", ModelJsonContext.Default.SecurityGroupShape));
        Assert.Equal("123456789012", defaultIdentity.GetProperty("Account").GetString());
    }

    [Fact]
    public async Task Should_PrintTrailsAndEvents_When_TheAwsCliCallsCloudTrail()
    {
        var fake = new FakeCloudTrailApi("123456789012") { Events = [.. Enumerable.Range(1, 7).Select(i => FakeCloudTrailApi.Event(i, "sg-1"))] };
        await using var server = await ServedEmulator.StartAsync(ModelSource.LoadDemo().Document, cloudTrail: a => a.Id == "123456789012" ? fake : null);

        var trails = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["cloudtrail", "describe-trails"]);
        var status = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["cloudtrail", "get-trail-status", "--name", "org-trail"]);
        var selectors = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["cloudtrail", "get-event-selectors", "--trail-name", "org-trail"]);
        var events = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=ResourceName,AttributeValue=sg-1", "--page-size", "3"]);

        Assert.Equal(["org-trail", "us-east-1-local"], trails.GetProperty("trailList").EnumerateArray().Select(t => t.GetProperty("Name").GetString()));
        Assert.True(trails.GetProperty("trailList")[0].GetProperty("IsMultiRegionTrail").GetBoolean());
        Assert.True(status.GetProperty("IsLogging").GetBoolean());
        Assert.Equal(FakeCloudTrailApi.StartedLogging, Timestamp(status.GetProperty("StartLoggingTime")));
        Assert.Equal("eventCategory", selectors.GetProperty("AdvancedEventSelectors")[0].GetProperty("FieldSelectors")[0].GetProperty("Field").GetString());
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"event-{i:D3}"), events.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()));
        Assert.Equal([3, 3, 3], fake.Lookups.Select(l => l.Request.MaxResults));
        Assert.Equal([null, "3", "6"], fake.Lookups.Select(l => l.Request.NextToken));
    }

    [Fact]
    public async Task Should_KeepHostileTextParseable_When_TheAwsCliReadsIt()
    {
        await using var server = await ServedEmulator.StartAsync(HostileTextTests.HostileModel());

        var groups = await AwsCli.RunAsync(server.Endpoint, "us-east-1", ["ec2", "describe-security-groups"]);

        var group = Assert.Single(Read(groups, "SecurityGroups", ModelJsonContext.Default.SecurityGroupShape));
        Assert.Equal(HostileTextTests.HostileAsRead, group.Description);
        Assert.Equal(HostileTextTests.HostileAsRead, group.Tags![0].Value);
        Assert.Equal(HostileTextTests.HostileAsRead, group.IpPermissions![0].IpRanges![0].Description);
    }

    [Fact]
    public async Task Should_ShowTheModelsErrorCode_When_TheAwsCliCallsAnUnreadableRegion()
    {
        var model = ServedEmulator.Model("""
            accounts:
              - id: "111122223333"
                regions:
                  - name: eu-west-1
                    error: {code: UnauthorizedOperation, message: "You are not authorized to perform this operation."}
            """);
        await using var server = await ServedEmulator.StartAsync(model);

        var (exitCode, errors) = await AwsCli.FailAsync(server.Endpoint, "eu-west-1", ["ec2", "describe-security-groups"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("(UnauthorizedOperation) when calling the DescribeSecurityGroups operation: You are not authorized to perform this operation.", errors, StringComparison.Ordinal);
    }

    /// <summary>aws CLI v1 prints timestamps as received (epoch seconds, cli_timestamp_format = none); v2 prints ISO 8601.</summary>
    private static DateTimeOffset Timestamp(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? DateTimeOffset.FromUnixTimeMilliseconds(decimal.ToInt64(value.GetDecimal() * 1000m))
        : DateTimeOffset.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<T> Read<T>(JsonElement output, string listName, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        [.. output.GetProperty(listName).EnumerateArray().Select(item => item.Deserialize(typeInfo)!)];
}
