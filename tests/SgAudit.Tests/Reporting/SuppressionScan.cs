using System.Collections.Immutable;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Suppressions;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// The report test scan (<see cref="ReportTestData"/>) with one suppression in every status: config suppressions
/// applied, expired and stale, one applied on its last day that wins over a tag, tags on a group and a network ACL, and
/// an invalid tag. Tag reasons and values carry markup, Markdown and hidden characters.
/// </summary>
internal static class SuppressionScan
{
    public const string ConfigFile = "sgaudit.yml";

    /// <summary>A valid tag's reason: markup, a Markdown link, a pipe, a heading, a right-to-left override, a control character and template syntax.</summary>
    public const string TagReason = "<img src=x onerror=alert('supp')> **accepted** [x](javascript:alert(1)) | # \u202Etxt\u0001 {{ title }}";

    /// <summary>An invalid tag's value (a date that does not exist), closing a script element.</summary>
    public const string InvalidTagValue = "SGA005; </script><script>alert('bad')</script> _why_; until 2026-02-30";

    public const string GroupId = "sg-0a1b2c3d4e5f60001";
    public const string AclId = "acl-0a1b2c3d4e5f60001";

    public static ScanResult Create()
    {
        var inventory = ReportTestData.Inventory();
        var a = inventory.Regions[0];
        var b = inventory.Regions[2];
        inventory = inventory with
        {
            Regions =
            [
                a with
                {
                    SecurityGroups = [.. a.SecurityGroups.Select(g => g.Id == GroupId ? g with { Tags = [.. g.Tags, new ResourceTag(SuppressionTag.Key, $"SGA001,SGA004; {TagReason}; until 2026-03-31")] } : g)],
                    NetworkAcls = [.. a.NetworkAcls.Select(n => n with { Tags = [.. n.Tags, new ResourceTag(SuppressionTag.Key, "SGA010; default NACL, tightened in Q2")] })],
                },
                inventory.Regions[1],
                b with { SecurityGroups = [.. b.SecurityGroups.Select(g => g with { Tags = [new ResourceTag(SuppressionTag.Key, InvalidTagValue)] })] },
            ],
        };

        ImmutableArray<Suppression> config =
        [
            new(["SGA007"], new ResourceSelector { ResourceName = GlobPattern.Parse("unused-*") }, "batch ports, reviewed in SEC-12", SuppressionSource.Config(ConfigFile, 3)) { Until = new DateOnly(2026, 6, 30) },
            new(["SGA006"], new ResourceSelector { AccountId = ReportTestData.AccountA }, "unused groups are cleaned up monthly", SuppressionSource.Config(ConfigFile, 8)) { Until = new DateOnly(2025, 12, 31) },
            new(["SGA010"], new ResourceSelector { Region = "eu-west-1" }, "no NACL rules there", SuppressionSource.Config(ConfigFile, 13)),
            new(["SGA001"], new ResourceSelector { ResourceId = GlobPattern.Parse("sg-0a1b2c3d4e5f6000?"), VpcId = "vpc-0aaa1111" }, "legacy jump hosts, replaced by SSM", SuppressionSource.Config(ConfigFile, 17)) { Until = new DateOnly(2026, 1, 2) },
        ];

        return ScanSuppressions.Apply(ReportTestData.Scan(inventory), config, ReportTestData.StartedAt) with { CloudTrail = ReportTestData.CloudTrail() };
    }
}
