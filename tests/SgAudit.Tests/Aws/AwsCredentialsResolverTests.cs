using SgAudit.Aws;
using SgAudit.Aws.Credentials;
using SgAudit.Tests.Support;

namespace SgAudit.Tests.Aws;

public sealed class AwsCredentialsResolverTests
{
    [Fact]
    public async Task Should_ReadTheNamedProfile_When_ItExists()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch.Write("credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n[audit]\naws_access_key_id = AKIDAUDIT\naws_secret_access_key = s2\n");

        var credentials = await AwsCredentialsResolver.ResolveAsync("audit", file, CancellationToken.None);

        Assert.Equal("AKIDAUDIT", (await credentials.GetCredentialsAsync()).AccessKey);
        Assert.DoesNotContain("s2", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailSetupNamingTheProfile_When_ItIsMissing()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch.Write("credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n");

        var error = await Assert.ThrowsAsync<AwsSetupException>(() => AwsCredentialsResolver.ResolveAsync("nope", file, CancellationToken.None));

        Assert.Equal("The AWS profile 'nope' was not found in the shared credentials or config file.", error.Message);
    }
}
