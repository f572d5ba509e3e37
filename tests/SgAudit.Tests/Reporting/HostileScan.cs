using System.Collections.Immutable;
using System.Net;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Suppressions;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// A scan whose account strings try every way into a report: markup that would run script (each payload sets
/// <c>window.__pwned</c> or the page title), a closing script tag, template syntax, Markdown, HTML in tags, a very
/// long name, control characters and right-to-left marks, in names, descriptions, tags, a VPC id (used in
/// attributes and filter values), an interface description, a CloudTrail actor, a peering connection id (quoted
/// by SGA013's evidence), and the reason and value of <c>sgaudit:suppress</c> tags (one applied, one invalid).
/// </summary>
internal static class HostileScan
{
    public const string Account = "333333333333";
    public const string Region = "eu-central-1";
    public const string GroupId = "sg-0badc0ffee0000001";

    public const string Description = "<img src=x onerror=\"window.__pwned='img';document.title='pwned'\"></script><script>window.__pwned='script'</script> {{ title }} {{{raw}}} **bold** [x](javascript:window.__pwned='md') \u202Etxt.exe\u200F\u0001\u001b[31m";

    public const string Name = "\"><svg onload=window.__pwned='svg'>{{constructor.constructor('window.__pwned=1')()}}";

    public const string TagKey = "<b onmouseover=window.__pwned='tag'>Owner</b>";

    public const string TagValue = "# heading | `code` <iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>";

    /// <summary>A VPC id that breaks out of an attribute if values are not escaped there.</summary>
    public const string VpcId = "vpc-\"'><img src=x onerror=window.__pwned='vpc'>";

    public const string InterfaceDescription = "</td></tr></table><script>window.__pwned='eni'</script>";

    public const string Actor = "arn:aws:iam::333333333333:user/<script>window.__pwned='actor'</script>";

    /// <summary>The reason of a valid <c>sgaudit:suppress</c> tag on the second group: markup that runs script, a Markdown link, hidden characters.</summary>
    public const string SuppressionReason = "<img src=x onerror=\"window.__pwned='supp'\"> **ok** [x](javascript:window.__pwned='md') \u202Etxt\u0001 {{ title }}";

    /// <summary>The value of an invalid <c>sgaudit:suppress</c> tag (a date that does not exist) on the first group, shown as found.</summary>
    public const string InvalidSuppression = "SGA004; </td><script>window.__pwned='tag'</script>; until 2026-13-45";

    /// <summary>A peering connection id, which SGA013's evidence quotes when the peering is deleted.</summary>
    public const string PeeringConnectionId = "pcx-<script>window.__pwned='pcx'</script> **x** | {{ title }} \u202E";

    public static string LongName { get; } = "long-" + string.Concat(Enumerable.Repeat("\u202Eabcdefghi", 1000));

    public static ImmutableArray<string> Strings { get; } = [Description, Name, TagKey, TagValue, VpcId, InterfaceDescription, Actor, PeeringConnectionId, LongName, SuppressionReason, InvalidSuppression];

    public static ScanResult Create()
    {
        var region = new RegionInventory(Account, Region)
        {
            Vpcs = [new Vpc(VpcId)],
            SecurityGroups =
            [
                new SecurityGroup(GroupId, Name, Account)
                {
                    VpcId = VpcId,
                    Description = Description,
                    Tags = [new ResourceTag(TagKey, TagValue), new ResourceTag("Name", Name), new ResourceTag(SuppressionTag.Key, InvalidSuppression)],
                    Ingress = [new Permission(Direction.Ingress, IpProtocol.Tcp, [new CidrSource(IPNetwork.Parse("0.0.0.0/0")) { Description = Description }]) { Ports = new PortRange(22, 22) }],
                },
                new SecurityGroup("sg-0badc0ffee0000002", LongName, Account)
                {
                    VpcId = VpcId,
                    Description = LongName,
                    Tags = [new ResourceTag(SuppressionTag.Key, $"SGA009; {SuppressionReason}; until 2099-12-31")],
                    Ingress = [new Permission(Direction.Ingress, IpProtocol.All, [new CidrSource(IPNetwork.Parse("::/0"))])],
                },
                new SecurityGroup("sg-0badc0ffee0000003", "stale-peer-reference", Account)
                {
                    VpcId = VpcId,
                    Ingress =
                    [
                        new Permission(Direction.Ingress, IpProtocol.Tcp, [new GroupReferenceSource("sg-0badc0ffee00000ff") { UserId = Account, VpcPeeringConnectionId = PeeringConnectionId, PeeringStatus = "deleted" }])
                        {
                            Ports = new PortRange(5432, 5432),
                        },
                    ],
                },
            ],
            NetworkInterfaces = [new NetworkInterface("eni-0badc0ffee0000001") { VpcId = VpcId, GroupIds = [GroupId], Description = InterfaceDescription, InstanceId = "i-0badc0ffee0000001" }],
        };
        return ScanSuppressions.Apply(ReportTestData.Scan(new Inventory([region], [])), [], ReportTestData.StartedAt) with
        {
            CloudTrail = new CloudTrailResult
            {
                AttributionRan = true,
                LookbackDays = 90,
                Attributions = [GroupAttribution.Found(new GroupChange(Account, Region, GroupId, "AuthorizeSecurityGroupIngress", ReportTestData.ChangedAt, Actor, "e-1") { SourceIp = Name })],
            },
        };
    }

    /// <summary>What the HTML report shows for <paramref name="text"/>: the text itself, hidden characters as [U+XXXX].</summary>
    public static string Visible(string text) => string.Concat(text.Select(c =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F' || c is '\u061C' or '\u200E' or '\u200F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069'
            ? $"[U+{(int)c:X4}]"
            : c.ToString()));
}
