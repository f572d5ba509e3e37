using System.Globalization;
using System.Text;
using SgAudit.Core.Model;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// Concrete AWS CLI commands for a resource card's "How to fix": the rule's generic remediation made specific to
/// one group and permission. Ids come from the account, so every argument is single-quoted for a POSIX shell.
/// </summary>
internal static class FixCommands
{
    /// <summary>The command that removes one source of one permission from a security group.</summary>
    public static string Revoke(string region, string groupId, Permission permission, TrafficSource? source)
    {
        var spec = new StringBuilder();
        spec.Append("IpProtocol=").Append(permission.Protocol.IsAll ? "-1" : permission.Protocol.Name);
        if (permission.Ports is { } ports)
        {
            spec.Append(CultureInfo.InvariantCulture, $",FromPort={ports.From},ToPort={ports.To}");
        }
        else if (permission.Icmp is { } icmp)
        {
            spec.Append(CultureInfo.InvariantCulture, $",FromPort={icmp.Type},ToPort={icmp.Code}");
        }

        spec.Append(source switch
        {
            CidrSource { IsIPv6: true } cidr => $",Ipv6Ranges=[{{CidrIpv6={cidr.DisplayText}}}]",
            CidrSource cidr => $",IpRanges=[{{CidrIp={cidr.DisplayText}}}]",
            GroupReferenceSource group => group.UserId is null ? $",UserIdGroupPairs=[{{GroupId={group.GroupId}}}]" : $",UserIdGroupPairs=[{{GroupId={group.GroupId},UserId={group.UserId}}}]",
            PrefixListSource list => $",PrefixListIds=[{{PrefixListId={list.PrefixListId}}}]",
            _ => "",
        });
        var verb = permission.Direction == Direction.Ingress ? "revoke-security-group-ingress" : "revoke-security-group-egress";
        return $"aws ec2 {verb} --region {Quote(region)} --group-id {Quote(groupId)} --ip-permissions {Quote(spec.ToString())}";
    }

    public static string Delete(string region, string groupId) => $"aws ec2 delete-security-group --region {Quote(region)} --group-id {Quote(groupId)}";

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
