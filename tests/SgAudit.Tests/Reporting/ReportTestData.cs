using System.Collections.Immutable;
using System.Net;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// A small, fixed scan for report tests: two accounts, three assessed regions (one with nothing to report, one
/// without network ACL data), one region that could not be read, and account strings chosen to break naive
/// escaping. Findings come from the real built-in catalogue and engine, so they are the findings reports really get.
/// </summary>
internal static class ReportTestData
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";

    /// <summary>A group name that runs script if an HTML report does not escape it.</summary>
    public const string ImgName = "<img src=x onerror=alert(1)>";

    /// <summary>A group name that closes a script element, looks like a template, carries Markdown, a right-to-left override and a control character.</summary>
    public const string ScriptName = "</script><script>alert(1)</script> {{ title }} {{{raw}}} **bold** [x](http://e) | # \u202Etxt.exe\u0001 \"q\" 'a' \\ \u2028";

    /// <summary>A network ACL Name tag in Markdown.</summary>
    public const string MarkdownName = "**bold** [x](http://e) _i_ `c` <b>b</b> @team";

    /// <summary>An odd resource id: uppercase and a colon, which must never reach a SARIF artifact URI as is.</summary>
    public const string OddGroupId = "sg-0C0FFEE:Odd";

    public const string NotAssessedMessage = "You are not authorized to perform ec2:DescribeSecurityGroups </script><b>x</b> **y**";

    public static readonly DateTimeOffset StartedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public static readonly DateTimeOffset FinishedAt = StartedAt.AddSeconds(12.5);

    /// <summary>A 5,000-character group name.</summary>
    public static string LongName { get; } = ("long-" + string.Concat(Enumerable.Repeat("abcdefghij", 500)))[..5000];

    public static ImmutableArray<string> HostileStrings { get; } = [ImgName, ScriptName, MarkdownName, LongName];

    /// <summary>A caller ARN from CloudTrail with markup, Markdown, a pipe and a right-to-left override.</summary>
    public const string HostileActor = "arn:aws:iam::111111111111:user/<img src=x onerror=alert(2)> **admin** | `x` \u202Eexe";

    /// <summary>A user name (no ARN in the event record) that closes a script element and carries a Markdown link.</summary>
    public const string HostileUsername = "</script><b>eve</b> [link](http://e) @ops";

    /// <summary>A sourceIPAddress that is not an address.</summary>
    public const string HostileSourceIp = "<script>alert(3)</script>";

    /// <summary>A trail name and an error message from CloudTrail.</summary>
    public const string HostileTrailName = "org-trail <i>x</i> _y_";

    public const string HostileTrailError = "User is not authorized </script><b>z</b> **w**";

    public static readonly DateTimeOffset ChangedAt = new(2025, 12, 24, 18, 30, 0, TimeSpan.Zero);

    public static ImmutableArray<string> HostileCloudTrailStrings { get; } = [HostileActor, HostileUsername, HostileSourceIp];

    /// <summary>The test scan with CloudTrail: one account logging, one not assessed, every attribution state.</summary>
    public static ScanResult Create() => Scan(Inventory()) with { CloudTrail = CloudTrail() };

    public static CloudTrailResult CloudTrail() => new()
    {
        AttributionRan = true,
        LookbackDays = 90,
        Postures =
        [
            new TrailPosture(AccountA, TrailPostureStatus.Logging)
            {
                TrailName = HostileTrailName,
                TrailArn = $"arn:aws:cloudtrail:us-east-1:{AccountA}:trail/org-trail",
                HomeRegion = "us-east-1",
                Regions = ["eu-west-1", "us-east-1"],
            },
            new TrailPosture(AccountB, TrailPostureStatus.NotAssessed) { ErrorCode = "AccessDeniedException", ErrorMessage = HostileTrailError, Regions = ["ap-southeast-2", "us-west-2"] },
        ],
        Attributions =
        [
            GroupAttribution.Found(new GroupChange(AccountA, "us-east-1", "sg-0a1b2c3d4e5f60001", "AuthorizeSecurityGroupIngress", ChangedAt, HostileActor, "a1b2c3d4-0001") { SourceIp = HostileSourceIp }),
            new GroupAttribution(AccountA, "us-east-1", "sg-0a1b2c3d4e5f60002", AttributionStatus.NoChangeInWindow),
            new GroupAttribution(AccountA, "us-east-1", "sg-0a1b2c3d4e5f60003", AttributionStatus.NotLookedUp),
            GroupAttribution.NotAssessed(AccountA, "us-east-1", "sg-0a1b2c3d4e5f60004", "ThrottlingException", "Rate exceeded"),
            GroupAttribution.Found(new GroupChange(AccountB, "us-west-2", OddGroupId, "CreateSecurityGroup", ChangedAt.AddDays(-3), HostileUsername, "a1b2c3d4-0002")),
        ],
    };

    /// <summary>A scan of the given inventory with the built-in rules at their defaults and the fixed timestamps.</summary>
    public static ScanResult Scan(Inventory inventory)
    {
        var catalog = RuleCatalogLoader.BuiltIn;
        var rules = RuleSetResolver.Resolve(catalog, new Dictionary<string, RuleSettings>());
        var evaluation = RuleEngine.BuiltIn.Evaluate(catalog, inventory, rules);
        return new ScanResult("0.1.0-test", StartedAt, FinishedAt, new ScanInputs("model-file", "fixtures/accounts <1>.yaml") { ConfigFile = "sgaudit.yml" })
        {
            Catalog = catalog,
            Rules = rules,
            Inventory = inventory,
            Evaluation = evaluation,
            FailOn = Severity.High,
        };
    }

    /// <summary>One region with <paramref name="groups"/> groups open to the world on every port: six findings each (SGA001, 004, 005, 008, 009, 006).</summary>
    public static ScanResult CreateLarge(int groups)
    {
        var region = new RegionInventory(AccountA, "us-east-1")
        {
            Vpcs = [new Vpc("vpc-0aaa1111")],
            SecurityGroups = [.. Enumerable.Range(0, groups).Select(i => new SecurityGroup($"sg-{i:x17}", $"open-{i}", AccountA)
            {
                VpcId = "vpc-0aaa1111",
                Ingress = [AllTraffic(World4)],
            })],
        };
        return Scan(new Inventory([region], []));
    }

    public static Inventory Inventory() => new(
        [
            new RegionInventory(AccountA, "us-east-1")
            {
                Vpcs = [new Vpc("vpc-0aaa1111") { CidrBlock = "10.0.0.0/16" }],
                SecurityGroups =
                [
                    new SecurityGroup("sg-0a1b2c3d4e5f60001", ImgName, AccountA)
                    {
                        VpcId = "vpc-0aaa1111",
                        Description = ScriptName,
                        Tags = [new ResourceTag("Name", ImgName)],
                        Ingress = [Tcp(22, 22, World4 with { Description = ScriptName })],
                    },
                    new SecurityGroup("sg-0a1b2c3d4e5f60002", LongName, AccountA)
                    {
                        VpcId = "vpc-0aaa1111",
                        Ingress = [AllTraffic(World4)],
                    },
                    new SecurityGroup("sg-0a1b2c3d4e5f60003", "default", AccountA)
                    {
                        VpcId = "vpc-0aaa1111",
                        Ingress = [new Permission(Direction.Ingress, IpProtocol.All, [new GroupReferenceSource("sg-0a1b2c3d4e5f60003") { UserId = AccountA }])],
                    },
                    new SecurityGroup("sg-0a1b2c3d4e5f60004", "unused-wide", AccountA)
                    {
                        VpcId = "vpc-0aaa1111",
                        Ingress = [Tcp(1000, 2000, new CidrSource(IPNetwork.Parse("10.0.0.0/8")))],
                    },
                ],
                NetworkInterfaces =
                [
                    new NetworkInterface("eni-0a1b2c3d4e5f60001") { VpcId = "vpc-0aaa1111", GroupIds = ["sg-0a1b2c3d4e5f60001", "sg-0a1b2c3d4e5f60002"] },
                ],
                NetworkAcls =
                [
                    new NetworkAcl("acl-0a1b2c3d4e5f60001")
                    {
                        VpcId = "vpc-0aaa1111",
                        Tags = [new ResourceTag("Name", MarkdownName)],
                        Entries =
                        [
                            new NetworkAclEntry(100, Direction.Ingress, IpProtocol.All, RuleAction.Allow, IPNetwork.Parse("0.0.0.0/0")),
                            new NetworkAclEntry(32767, Direction.Ingress, IpProtocol.All, RuleAction.Deny, IPNetwork.Parse("0.0.0.0/0")),
                        ],
                    },
                ],
            },
            new RegionInventory(AccountA, "eu-west-1")
            {
                Vpcs = [new Vpc("vpc-0bbb2222")],
                SecurityGroups =
                [
                    new SecurityGroup("sg-0b1b2c3d4e5f60001", "web", AccountA)
                    {
                        VpcId = "vpc-0bbb2222",
                        Ingress = [Tcp(443, 443, new CidrSource(IPNetwork.Parse("10.0.0.0/8")))],
                    },
                ],
                NetworkInterfaces = [new NetworkInterface("eni-0b1b2c3d4e5f60001") { VpcId = "vpc-0bbb2222", GroupIds = ["sg-0b1b2c3d4e5f60001"] }],
            },
            new RegionInventory(AccountB, "us-west-2")
            {
                SecurityGroups =
                [
                    new SecurityGroup(OddGroupId, ScriptName, AccountB)
                    {
                        Ingress = [Tcp(3389, 3389, World6)],
                    },
                ],
                NetworkInterfaces = [new NetworkInterface("eni-0c1b2c3d4e5f60001") { GroupIds = [OddGroupId] }],
                MissingParts = [InventoryPart.NetworkAcls],
            },
        ],
        [
            new NotAssessedScope(AccountB, "ap-southeast-2", "UnauthorizedOperation", NotAssessedMessage),
        ]);

    public static CidrSource World4 { get; } = new(IPNetwork.Parse("0.0.0.0/0"));

    private static CidrSource World6 { get; } = new(IPNetwork.Parse("::/0"));

    private static Permission Tcp(int from, int to, TrafficSource source) =>
        new(Direction.Ingress, IpProtocol.Tcp, [source]) { Ports = new PortRange(from, to) };

    public static Permission AllTraffic(TrafficSource source) => new(Direction.Ingress, IpProtocol.All, [source]);
}
