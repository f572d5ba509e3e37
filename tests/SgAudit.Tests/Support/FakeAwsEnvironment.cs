using System.Diagnostics;

namespace SgAudit.Tests.Support;

/// <summary>
/// The environment every process a test starts gets: fake credentials, no metadata service, and none of the
/// developer's AWS settings or profiles, so nothing can reach a real AWS endpoint with real credentials.
/// </summary>
internal static class FakeAwsEnvironment
{
    public static ProcessStartInfo Apply(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k == "CI").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = "";
        start.UseShellExecute = false;
        return start;
    }
}
