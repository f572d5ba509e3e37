namespace SgAudit.Tests.EmulatorServer;

/// <summary>The credentials an aws CLI run gets through its environment.</summary>
internal sealed record AwsCliCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public static AwsCliCredentials Default { get; } = new(EmulatorHttp.DefaultAccessKey, "testing");
}
