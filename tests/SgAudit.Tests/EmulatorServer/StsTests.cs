using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using SgAudit.Collectors.Models;
using SgAudit.Emulator;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.EmulatorServer;

public sealed class StsTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_IssueCredentialsThatActInTheRolesAccount_When_AssumingARoleWithTheAwsSdk()
    {
        // Given the demo model, whose second account is 210987654321
        await using var server = await ServedEmulator.StartAsync(ModelSource.LoadDemo().Document, timeProvider: new FixedTimeProvider(Now));
        using var sts = Client(server.Endpoint, new BasicAWSCredentials("testing", "testing"));

        // When AWSSDK.SecurityToken assumes a role there
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::210987654321:role/SgAuditReader", RoleSessionName = "audit", DurationSeconds = 900 });

        // Then the SDK parses credentials whose key encodes the account, and the assumed-role identity
        Assert.Equal(HttpStatusCode.OK, assumed.HttpStatusCode);
        Assert.Equal("210987654321", AssumedRoleAccessKey.ReadAccountId(assumed.Credentials.AccessKeyId));
        Assert.StartsWith("ASIA210987654321", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(40, assumed.Credentials.SecretAccessKey.Length);
        Assert.False(string.IsNullOrEmpty(assumed.Credentials.SessionToken));
        Assert.Equal(Now.AddSeconds(900).UtcDateTime, assumed.Credentials.Expiration!.Value.ToUniversalTime());
        Assert.Equal("arn:aws:sts::210987654321:assumed-role/SgAuditReader/audit", assumed.AssumedRoleUser.Arn);
        Assert.EndsWith(":audit", assumed.AssumedRoleUser.AssumedRoleId, StringComparison.Ordinal);

        // And GetCallerIdentity with those credentials reports that account and session
        using var asRole = Client(server.Endpoint, new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal("210987654321", identity.Account);
        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);
        Assert.Equal(assumed.AssumedRoleUser.AssumedRoleId, identity.UserId);

        // And EC2 calls signed with the key see that account's groups
        var groups = Ec2XmlShapeReader.SecurityGroups((await EmulatorHttp.Ec2Async(server.Endpoint, "us-west-2", "DescribeSecurityGroups", assumed.Credentials.AccessKeyId)).Root)!;
        Assert.Equal(6, groups.Count);
        Assert.All(groups, g => Assert.Equal("210987654321", g.OwnerId));
    }

    [Fact]
    public async Task Should_ReportTheFirstAccountsRoot_When_TheCallerKeyWasNotIssuedByTheEmulator()
    {
        await using var server = await ServedEmulator.StartDemoAsync();
        using var sts = Client(server.Endpoint, new BasicAWSCredentials("testing", "testing"));

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal("arn:aws:iam::123456789012:root", identity.Arn);
        Assert.Equal("123456789012", identity.UserId);
    }

    [Fact]
    public async Task Should_DenyTheRole_When_ItsAccountIsNotInTheModel()
    {
        await using var server = await ServedEmulator.StartDemoAsync();
        using var sts = Client(server.Endpoint, new BasicAWSCredentials("testing", "testing"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::999999999999:role/SgAuditReader", RoleSessionName = "audit" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("User: arn:aws:iam::123456789012:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/SgAuditReader", error.Message);
    }

    [Theory]
    [InlineData("arn:aws:iam::210987654321:user/alice", "audit", null)]
    [InlineData("arn:aws:iam::210987654321:role/SgAuditReader", "a", null)]
    [InlineData("arn:aws:iam::210987654321:role/SgAuditReader", "audit", "60")]
    public async Task Should_AnswerValidationError_When_TheRequestIsMalformed(string roleArn, string sessionName, string? duration)
    {
        await using var server = await ServedEmulator.StartDemoAsync();
        List<KeyValuePair<string, string>> parameters = [new("Action", "AssumeRole"), new("Version", "2011-06-15"), new("RoleArn", roleArn), new("RoleSessionName", sessionName)];
        if (duration is not null)
        {
            parameters.Add(new("DurationSeconds", duration));
        }

        var answer = await EmulatorHttp.QueryAsync(server.Endpoint, "sts", "us-east-1", parameters);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("ErrorResponse", answer.Root.Name.LocalName);
        Assert.Equal("ValidationError", answer.ErrorCode);
        Assert.Equal(answer.RequestIdHeader, Ec2XmlShapeReader.Text(answer.Root, "RequestId"));
    }

    private static AmazonSecurityTokenServiceClient Client(Uri endpoint, AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
}
