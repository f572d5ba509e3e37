using System.Text.Json;
using SgAudit.Core.Baselines;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting;

namespace SgAudit.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    [Fact]
    public async Task Should_WriteTheDocumentedMembersInOrder_When_Rendering()
    {
        // Given / When the test scan is rendered
        using var json = JsonDocument.Parse(await RenderAsync(ReportTestData.Create()));
        var root = json.RootElement;

        // Then the top level, scan, summary, rule, compliance and finding members are the documented ones, in order
        Assert.Equal(["schemaVersion", "tool", "scan", "summary", "rules", "compliance", "notAssessed", "ruleGaps", "suppressions", "scopes", "cloudTrail", "findings"], Names(root));
        Assert.Equal("1", root.GetProperty("schemaVersion").GetString());
        Assert.Equal(["name", "version"], Names(root.GetProperty("tool")));
        var scan = root.GetProperty("scan");
        Assert.Equal(["startedAt", "finishedAt", "inputs", "failOn", "partial"], Names(scan));
        Assert.Equal("2026-01-02T03:04:05Z", scan.GetProperty("startedAt").GetString());
        Assert.Equal("2026-01-02T03:04:17.5Z", scan.GetProperty("finishedAt").GetString());
        Assert.Equal(["sourceKind", "source", "configFile"], Names(scan.GetProperty("inputs")));
        Assert.Equal("high", scan.GetProperty("failOn").GetString());
        Assert.True(scan.GetProperty("partial").GetBoolean());
        var summary = root.GetProperty("summary");
        Assert.Equal(["findings", "bySeverity", "byRule", "resources", "gateFindings", "suppressed"], Names(summary));
        Assert.Equal(["critical", "high", "medium", "low", "info"], Names(summary.GetProperty("bySeverity")));
        Assert.Equal(["accounts", "regions", "securityGroups", "networkInterfaces", "networkAcls", "vpcs"], Names(summary.GetProperty("resources")));
        var rule = root.GetProperty("rules")[0];
        Assert.Equal(["id", "slug", "title", "severity", "defaultSeverity", "origin", "variant", "parameters"], Names(rule));
        var framework = root.GetProperty("compliance")[0];
        Assert.Equal(["id", "name", "version", "controls"], Names(framework));
        Assert.Equal(["id", "label", "title", "status", "failingResources", "ruleIds", "reason"], Names(framework.GetProperty("controls")[0]));
        Assert.Equal(["accountId", "region", "errorCode", "message"], Names(root.GetProperty("notAssessed")[0]));
        Assert.Equal(["ruleId", "accountId", "region", "reason"], Names(root.GetProperty("ruleGaps")[0]));
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["ruleId", "severity", "accountId", "region", "vpcId", "resourceType", "resourceId", "resourceName", "resourceArn", "message", "evidence", "controls", "fingerprint", "lastChange"], Names(finding));
        Assert.Equal(["direction", "protocol", "ports", "source", "aclRuleNumber", "permission", "detail"], Names(finding.GetProperty("evidence")));
        var cloudTrail = root.GetProperty("cloudTrail");
        Assert.Equal(["provided", "attributionRan", "lookbackDays", "trails", "attributions"], Names(cloudTrail));
        Assert.Equal(["accountId", "status", "gap", "trailName", "trailArn", "homeRegion", "errorCode", "errorMessage", "text"], Names(cloudTrail.GetProperty("trails")[0]));
        Assert.Equal(["accountId", "region", "groupId", "status", "actor", "eventName", "eventTime", "sourceIp", "eventId", "errorCode", "errorMessage", "text"], Names(cloudTrail.GetProperty("attributions")[0]));
    }

    [Fact]
    public async Task Should_WriteTheBaselineMembersOnlyWithABaseline_When_Rendering()
    {
        // Given the test scan compared with a baseline that has its first three findings, one finding gone from an
        // assessed region and one from the region that could not be read
        var plain = ReportTestData.Create();
        var gone = new ReportedFinding("0123456789abcdef0123456789abcdef", "SGA001", Severity.High, "111111111111", "us-east-1", "sg-0a1b2c3d4e5f6ffff") { ResourceName = ReportTestData.ImgName };
        var unseen = new ReportedFinding("fedcba9876543210fedcba9876543210", "SGA004", Severity.High, "222222222222", "ap-southeast-2", "sg-0a1b2c3d4e5f6eeee");
        var baseline = new BaselineReport("old/report.json", [.. plain.Findings.Take(3).Select(ReportedFinding.From), gone, unseen]) { StartedAt = plain.StartedAt.AddDays(-1) };
        var result = BaselineComparison.Apply(plain, baseline);

        // When both are rendered
        using var withBaseline = JsonDocument.Parse(await RenderAsync(result));
        using var without = JsonDocument.Parse(await RenderAsync(plain));
        var root = withBaseline.RootElement;

        // Then only the compared one has the baseline members, in the documented order
        Assert.Equal(["schemaVersion", "tool", "scan", "summary", "rules", "compliance", "notAssessed", "ruleGaps", "suppressions", "scopes", "cloudTrail", "baseline", "findings"], Names(root));
        Assert.False(without.RootElement.TryGetProperty("baseline", out _));
        Assert.All(without.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.False(f.TryGetProperty("baseline", out _)));
        Assert.False(without.RootElement.GetProperty("summary").TryGetProperty("new", out _));
        var summary = root.GetProperty("summary");
        Assert.Equal(["findings", "bySeverity", "byRule", "resources", "gateFindings", "suppressed", "new", "unchanged", "fixed", "notReassessed"], Names(summary));
        Assert.Equal((plain.Findings.Length - 3, 3, 1, 1), (summary.GetProperty("new").GetInt32(), summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("fixed").GetInt32(), summary.GetProperty("notReassessed").GetInt32()));
        Assert.Equal(plain.Findings.Skip(3).Count(f => f.Severity >= Severity.High), summary.GetProperty("gateFindings").GetInt32());

        var comparison = root.GetProperty("baseline");
        Assert.Equal(["file", "startedAt", "counts", "fixed", "notReassessed"], Names(comparison));
        Assert.Equal(("old/report.json", "2026-01-01T03:04:05Z"), (comparison.GetProperty("file").GetString(), comparison.GetProperty("startedAt").GetString()));
        Assert.Equal(["new", "unchanged", "fixed", "notReassessed"], Names(comparison.GetProperty("counts")));
        var fixedFinding = Assert.Single(comparison.GetProperty("fixed").EnumerateArray());
        Assert.Equal(["ruleId", "severity", "accountId", "region", "vpcId", "resourceType", "resourceId", "resourceName", "message", "evidence", "fingerprint"], Names(fixedFinding));
        Assert.Equal((gone.Fingerprint, ReportTestData.ImgName), (fixedFinding.GetProperty("fingerprint").GetString(), fixedFinding.GetProperty("resourceName").GetString()));
        var notReassessed = Assert.Single(comparison.GetProperty("notReassessed").EnumerateArray());
        Assert.Equal("reason", Names(notReassessed)[^1]);
        Assert.Equal(unseen.Fingerprint, notReassessed.GetProperty("fingerprint").GetString());
        Assert.StartsWith("222222222222/ap-southeast-2 could not be read (", notReassessed.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("baseline", Names(findings[0])[Names(findings[0]).IndexOf("fingerprint") + 1]);
        Assert.Equal(
            result.Findings.Select(f => baseline.Findings.Any(b => b.Fingerprint == f.Fingerprint) ? "unchanged" : "new"),
            findings.Select(f => f.GetProperty("baseline").GetString()));
    }

    [Fact]
    public async Task Should_DescribeAFindingCompletely_When_Rendering()
    {
        // Given / When the test scan is rendered
        using var json = JsonDocument.Parse(await RenderAsync(ReportTestData.Create()));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();

        // Then SGA001 on the first group carries its evidence and versioned control labels
        var ssh = findings.Single(f => f.GetProperty("ruleId").GetString() == "SGA001" && f.GetProperty("resourceId").GetString() == "sg-0a1b2c3d4e5f60001");
        Assert.Equal("high", ssh.GetProperty("severity").GetString());
        Assert.Equal("111111111111", ssh.GetProperty("accountId").GetString());
        Assert.Equal("us-east-1", ssh.GetProperty("region").GetString());
        Assert.Equal("vpc-0aaa1111", ssh.GetProperty("vpcId").GetString());
        Assert.Equal("AWS::EC2::SecurityGroup", ssh.GetProperty("resourceType").GetString());
        Assert.Equal(ReportTestData.ImgName, ssh.GetProperty("resourceName").GetString());
        Assert.Equal("arn:aws:ec2:us-east-1:111111111111:security-group/sg-0a1b2c3d4e5f60001", ssh.GetProperty("resourceArn").GetString());
        var evidence = ssh.GetProperty("evidence");
        Assert.Equal("ingress", evidence.GetProperty("direction").GetString());
        Assert.Equal("tcp", evidence.GetProperty("protocol").GetString());
        Assert.Equal("22", evidence.GetProperty("ports").GetString());
        Assert.Equal("0.0.0.0/0", evidence.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("aclRuleNumber").ValueKind);
        Assert.Equal("tcp 22", evidence.GetProperty("permission").GetString());
        Assert.Equal("covers port 22", evidence.GetProperty("detail").GetString());
        Assert.Contains("CIS AWS Foundations v3.0.0 5.2", ssh.GetProperty("controls").EnumerateArray().Select(c => c.GetString()));

        // And the network ACL finding has its type and rule number, and the group without a VPC a null vpcId
        var acl = findings.Single(f => f.GetProperty("ruleId").GetString() == "SGA010");
        Assert.Equal("AWS::EC2::NetworkAcl", acl.GetProperty("resourceType").GetString());
        Assert.Equal(100, acl.GetProperty("evidence").GetProperty("aclRuleNumber").GetInt32());
        var noVpc = findings.First(f => f.GetProperty("resourceId").GetString() == ReportTestData.OddGroupId);
        Assert.Equal(JsonValueKind.Null, noVpc.GetProperty("vpcId").ValueKind);
    }

    [Fact]
    public async Task Should_SummariseCountsRulesAndCompliance_When_Rendering()
    {
        // Given the test scan
        var result = ReportTestData.Create();

        // When it is rendered
        using var json = JsonDocument.Parse(await RenderAsync(result));
        var root = json.RootElement;

        // Then the counts match the findings, parameters are typed, and controls have a status
        var summary = root.GetProperty("summary");
        Assert.Equal(result.Findings.Length, summary.GetProperty("findings").GetInt32());
        Assert.Equal(result.Findings.Count(f => f.Severity == Severity.Critical), summary.GetProperty("bySeverity").GetProperty("critical").GetInt32());
        Assert.Equal(result.Rules.Select(r => r.Id), Names(summary.GetProperty("byRule")));
        Assert.Equal(result.Findings.Count(f => f.RuleId == "SGA008"), summary.GetProperty("byRule").GetProperty("SGA008").GetInt32());
        Assert.Equal(result.GateFindings, summary.GetProperty("gateFindings").GetInt32());
        var resources = summary.GetProperty("resources");
        Assert.Equal(2, resources.GetProperty("accounts").GetInt32());
        Assert.Equal(3, resources.GetProperty("regions").GetInt32());
        Assert.Equal(6, resources.GetProperty("securityGroups").GetInt32());
        Assert.Equal(1, resources.GetProperty("networkAcls").GetInt32());

        var sga001 = root.GetProperty("rules")[0];
        Assert.Equal("SGA001", sga001.GetProperty("id").GetString());
        Assert.Equal([22, 3389], sga001.GetProperty("parameters").GetProperty("ports").EnumerateArray().Select(p => p.GetInt32()));
        var sga007 = root.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SGA007");
        Assert.Equal("span-gt-30", sga007.GetProperty("variant").GetString());
        Assert.Equal(30, sga007.GetProperty("parameters").GetProperty("threshold").GetInt32());

        var cis3 = root.GetProperty("compliance").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "cis-aws-foundations-v3.0.0");
        var control = cis3.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "5.2");
        Assert.Equal("CIS AWS Foundations v3.0.0 5.2", control.GetProperty("label").GetString());
        Assert.Equal("fail", control.GetProperty("status").GetString());
        Assert.Equal(2, control.GetProperty("failingResources").GetInt32());
        Assert.All(root.GetProperty("compliance").EnumerateArray().SelectMany(f => f.GetProperty("controls").EnumerateArray()),
            c => Assert.Contains(c.GetProperty("status").GetString(), new[] { "pass", "fail", "not-assessed" }));

        var scope = Assert.Single(root.GetProperty("notAssessed").EnumerateArray());
        Assert.Equal("ap-southeast-2", scope.GetProperty("region").GetString());
        Assert.Equal(ReportTestData.NotAssessedMessage, scope.GetProperty("message").GetString());
        Assert.Equal(result.Evaluation.Gaps.Length, root.GetProperty("ruleGaps").GetArrayLength());
    }

    [Fact]
    public async Task Should_BeByteIdenticalAndInFindingOrder_When_RenderedTwice()
    {
        // Given the same scan built twice
        var first = await RenderAsync(ReportTestData.Create());
        var second = await RenderAsync(ReportTestData.Create());

        // When the findings are read
        using var json = JsonDocument.Parse(first);
        var fingerprints = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString());

        // Then the renders are identical and findings follow the engine's deterministic order
        Assert.Equal(first, second);
        Assert.Equal(ReportTestData.Create().Findings.Order(FindingOrder.Instance).Select(f => f.Fingerprint), fingerprints);
    }

    [Fact]
    public async Task Should_RoundTripHostileStrings_When_Parsed()
    {
        // Given / When the test scan is rendered
        var text = await RenderAsync(ReportTestData.Create());
        using var json = JsonDocument.Parse(text);

        // Then every hostile name parses back exactly, and the raw text has no markup or raw control characters
        var names = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("resourceName").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReportTestData.HostileStrings, s => Assert.Contains(s, names));
        Assert.Equal("fixtures/accounts <1>.yaml", json.RootElement.GetProperty("scan").GetProperty("inputs").GetProperty("source").GetString());
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\u0001', text);
    }

    private static Task<string> RenderAsync(ScanResult result) => ReportRendering.RenderAsync(new JsonReportWriter(), result);

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
