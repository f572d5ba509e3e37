using SgAudit.Tests.Cli;
using SgAudit.Tests.GitHub;

namespace SgAudit.Tests.Baselines;

/// <summary>Models for the baseline, diff and compliance tests: small variants of the documented examples.</summary>
internal static class BaselineModels
{
    /// <summary>One group allowing HTTPS from 10.0.0.0/8 only: no findings.</summary>
    public static string Clean => ScanCommandTests.CleanModel;

    /// <summary>
    /// <see cref="Clean"/> with one more permission on its group, SSH from 0.0.0.0/0: exactly three findings (SGA001,
    /// SGA004, SGA008), all on that permission.
    /// </summary>
    public static string WorldSsh => Replace(
        Clean,
        "                  - CidrIp: 10.0.0.0/8\n",
        "                  - CidrIp: 10.0.0.0/8\n              - IpProtocol: tcp\n                FromPort: 22\n                ToPort: 22\n                IpRanges:\n                  - CidrIp: 0.0.0.0/0\n");

    /// <summary><see cref="WorldSsh"/> with a group name that is HTML, Markdown, a mention and a terminal escape at once.</summary>
    public static string HostileWorldSsh => Replace(WorldSsh, "GroupName: internal-https", $"GroupName: \"{HostileName.Replace("\u001b", "\\u001b", StringComparison.Ordinal)}\"");

    public const string HostileName = "<img src=x onerror=alert(1)> | **pwn** [x](https://evil.example) @admin `t` \u001b[31m";

    /// <summary>The model example (four findings: SGA001, SGA004, SGA008 on web-sg's SSH and SGA010 on the default ACL).</summary>
    public static string Example => GitHubFixtures.ModelExample;

    /// <summary>The model example with web-sg's SSH also open to ::/0: three more findings (SGA002, SGA004, SGA008 on ::/0).</summary>
    public static string ExampleWithWorldSshIpv6 => Replace(
        Example,
        "IpRanges: [{CidrIp: 0.0.0.0/0, Description: temporary admin access}]\n",
        "IpRanges: [{CidrIp: 0.0.0.0/0, Description: temporary admin access}]\n                Ipv6Ranges: [{CidrIpv6: \"::/0\"}]\n");

    /// <summary>The model example with web-sg's SSH moved to RDP: port 22's findings fixed, port 3389's new.</summary>
    public static string ExampleSshMovedToRdp => GitHubFixtures.SshMovedToRdp;

    /// <summary>The model example with a copy of its region as eu-west-1: the same four findings in each region.</summary>
    public static string ExampleInTwoRegions
    {
        get
        {
            var region = Example[Example.IndexOf("      - name: us-east-1\n", StringComparison.Ordinal)..];
            return Example + region.Replace("      - name: us-east-1\n", "      - name: eu-west-1\n", StringComparison.Ordinal);
        }
    }

    /// <summary>The model example with its only region unreadable (UnauthorizedOperation).</summary>
    public static string ExampleRegionUnreadable => GitHubFixtures.RegionUnreadable;

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }
}
