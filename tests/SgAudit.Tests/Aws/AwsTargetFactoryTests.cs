using SgAudit.Aws;
using SgAudit.Core;

namespace SgAudit.Tests.Aws;

public sealed class AwsTargetFactoryTests
{
    [Theory]
    [InlineData("ftp://127.0.0.1:2121/", "--endpoint-url: 'ftp://127.0.0.1:2121/' is not an http:// or https:// URL")]
    [InlineData("file:///tmp/x", "--endpoint-url: 'file:///tmp/x' is not an http:// or https:// URL")]
    public async Task Should_RejectTheEndpointBeforeAnyCall_When_ItIsNotHttp(string endpoint, string message)
    {
        var error = await Assert.ThrowsAsync<InputException>(() => AwsTargetFactory.CreateAsync(new AwsSourceOptions { EndpointUrl = new Uri(endpoint), Region = "us-east-1" }, CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Should_RejectBadRoleInputBeforeResolvingCredentials_When_AnArnIsMalformed()
    {
        var options = new AwsSourceOptions { RoleArns = ["arn:aws:iam::12:role/x"], Region = "us-east-1", Profile = "a-profile-that-does-not-exist" };

        // The input error wins over the missing profile: options are checked before anything is resolved
        var error = await Assert.ThrowsAsync<InputException>(() => AwsTargetFactory.CreateAsync(options, CancellationToken.None));

        Assert.Equal("--role-arn", error.File);
    }
}
