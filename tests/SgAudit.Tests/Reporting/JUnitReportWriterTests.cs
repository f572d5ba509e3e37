using System.Net;
using System.Xml.Linq;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;
using SgAudit.Reporting;
using SgAudit.Reporting.TextEncoders;

namespace SgAudit.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public async Task Should_HaveOneSuitePerRuleAndOneCasePerOutcomeOrGap_When_Rendering()
    {
        // Given the test scan (two accounts, a region without network ACL data, a region that could not be read)
        var result = ReportTestData.Create();

        // When it is rendered and parsed back against the schema
        var document = JUnitXml.ParseAndValidate(await RenderAsync(result));
        var root = document.Root!;

        // Then there is one testsuite per rule, in id order, named by id and title
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(result.Rules.Select(r => r.Id), suites.Select(RuleId));
        Assert.Equal(result.Rules.Select(r => $"{r.Id} {r.Definition.Title}"), suites.Select(s => s.Attribute("name")!.Value));

        // And each suite's counts are exact: every outcome and gap of that rule is one testcase
        foreach (var (rule, suite) in result.Rules.Zip(suites))
        {
            var outcomes = result.Evaluation.Outcomes.Where(o => o.RuleId == rule.Id).ToList();
            var gaps = result.Evaluation.Gaps.Where(g => g.RuleId == rule.Id).ToList();
            var cases = suite.Elements("testcase").ToList();
            Assert.Equal(outcomes.Count + gaps.Count, cases.Count);
            Assert.Equal(cases.Count, JUnitXml.Count(suite, "tests"));
            Assert.Equal(outcomes.Count(o => !o.Passed), JUnitXml.Count(suite, "failures"));
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), JUnitXml.Count(suite, "failures"));
            Assert.Equal(gaps.Count, JUnitXml.Count(suite, "errors"));
            Assert.Equal(cases.Count(c => c.Element("error") is not null), JUnitXml.Count(suite, "errors"));
            Assert.Equal(0, JUnitXml.Count(suite, "skipped"));
            Assert.Equal(
                outcomes.Select(o => $"{rule.Id}.{o.AccountId}.{o.Region}").Concat(gaps.Select(g => $"{rule.Id}.{g.AccountId}.{g.Region}")),
                cases.Select(c => c.Attribute("classname")!.Value));
            Assert.Equal(outcomes.Select(o => o.ResourceId), cases.Take(outcomes.Count).Select(c => c.Attribute("name")!.Value.Split(' ')[0]));
        }

        // And the totals are the sums, and match the whole document
        Assert.Equal("SgAudit", root.Attribute("name")!.Value);
        Assert.Equal(result.Evaluation.Outcomes.Count + result.Evaluation.Gaps.Length, JUnitXml.Count(root, "tests"));
        Assert.Equal(root.Descendants("testcase").Count(), JUnitXml.Count(root, "tests"));
        Assert.Equal(suites.Sum(s => JUnitXml.Count(s, "failures")), JUnitXml.Count(root, "failures"));
        Assert.Equal(root.Descendants("failure").Count(), JUnitXml.Count(root, "failures"));
        Assert.Equal(result.Evaluation.Gaps.Length, JUnitXml.Count(root, "errors"));
        Assert.Equal(root.Descendants("error").Count(), JUnitXml.Count(root, "errors"));
        Assert.Equal("12.500", root.Attribute("time")!.Value);
        Assert.All(suites, s => Assert.Equal("2026-01-02T03:04:05", s.Attribute("timestamp")!.Value));

        // And GitLab, which keys a test by classname and name, sees no duplicates
        var keys = root.Descendants("testcase").Select(c => (c.Attribute("classname")!.Value, c.Attribute("name")!.Value)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Should_CarryEveryFindingOfTheResource_When_ATestCaseFails()
    {
        // Given the test scan, whose groups fail several rules, with the first group also open on 20-30 (two SSH findings)
        var inventory = ReportTestData.Inventory();
        var region = inventory.Regions[0];
        var first = region.SecurityGroups[0];
        var twice = first with { Ingress = first.Ingress.Add(new Permission(Direction.Ingress, IpProtocol.Tcp, [new CidrSource(IPNetwork.Parse("0.0.0.0/0"))]) { Ports = new PortRange(20, 30) }) };
        inventory = inventory with { Regions = inventory.Regions.SetItem(0, region with { SecurityGroups = region.SecurityGroups.SetItem(0, twice) }) };
        var result = ReportTestData.Scan(inventory);
        Assert.Contains(result.Findings.GroupBy(f => (f.RuleId, f.ResourceId)), g => g.Count() > 1);

        // When it is rendered
        var document = JUnitXml.ParseAndValidate(await RenderAsync(result));
        var cases = document.Descendants("testcase").ToList();

        // Then each failing resource's testcase has one failure, typed by severity, whose text has every finding
        foreach (var group in result.Findings.GroupBy(f => (f.RuleId, f.AccountId, f.Region, f.ResourceId)))
        {
            var testCase = Assert.Single(cases, c => c.Attribute("classname")!.Value == $"{group.Key.RuleId}.{group.Key.AccountId}.{group.Key.Region}"
                && c.Attribute("name")!.Value.Split(' ')[0] == group.Key.ResourceId);
            var failure = Assert.Single(testCase.Elements());
            Assert.Equal("failure", failure.Name.LocalName);
            Assert.Equal(group.First().Severity.ToText(), failure.Attribute("type")!.Value);
            Assert.StartsWith(XmlReportText.Clean(group.First().Message)[..40], failure.Attribute("message")!.Value, StringComparison.Ordinal);
            if (group.Count() > 1)
            {
                Assert.EndsWith($"(and {group.Count() - 1} more)", failure.Attribute("message")!.Value, StringComparison.Ordinal);
            }

            Assert.Contains($"\n{group.Count()} finding", failure.Value, StringComparison.Ordinal);
            Assert.Contains(group.First().ResourceArn, failure.Value, StringComparison.Ordinal);
            foreach (var finding in group)
            {
                Assert.Contains(XmlReportText.Clean(finding.Message), failure.Value, StringComparison.Ordinal);
                Assert.Contains($"permission: {finding.Evidence.Permission}; source: {finding.Evidence.Source}", failure.Value, StringComparison.Ordinal);
                Assert.Contains($"fingerprint: {finding.Fingerprint}", failure.Value, StringComparison.Ordinal);
            }
        }

        // And a passing resource is a plain testcase, named by id and name
        var passing = Assert.Single(cases, c => c.Attribute("classname")!.Value == $"SGA001.{ReportTestData.AccountA}.eu-west-1");
        Assert.Equal("sg-0b1b2c3d4e5f60001 (web)", passing.Attribute("name")!.Value);
        Assert.Empty(passing.Elements());
        Assert.Equal(result.Evaluation.Outcomes.Count(o => o.Passed), cases.Count(c => !c.HasElements));
    }

    [Fact]
    public async Task Should_ReportEveryNotAssessedScopeAsAnError_When_PartOfTheScopeWasNotRead()
    {
        // Given the test scan: ap-southeast-2 of account B could not be read, and us-west-2 has no network ACL data
        var result = ReportTestData.Create();

        // When it is rendered
        var document = JUnitXml.ParseAndValidate(await RenderAsync(result));
        var cases = document.Descendants("testcase").ToList();

        // Then every rule has an error testcase for the unread region, and nothing there reads as a pass
        var unread = cases.Where(c => c.Attribute("classname")!.Value.EndsWith($".{ReportTestData.AccountB}.ap-southeast-2", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.Rules.Select(r => $"{r.Id}.{ReportTestData.AccountB}.ap-southeast-2"), unread.Select(c => c.Attribute("classname")!.Value));
        Assert.All(unread, c =>
        {
            Assert.Equal(JUnitReportWriter.NotAssessedName, c.Attribute("name")!.Value);
            var error = Assert.Single(c.Elements());
            Assert.Equal("error", error.Name.LocalName);
            Assert.Equal(JUnitReportWriter.NotAssessedType, error.Attribute("type")!.Value);
            Assert.StartsWith("not assessed: UnauthorizedOperation: You are not authorized", error.Attribute("message")!.Value, StringComparison.Ordinal);
            Assert.Contains(ReportTestData.NotAssessedMessage, error.Value, StringComparison.Ordinal);
            Assert.Contains("never a pass", error.Value, StringComparison.Ordinal);
        });

        // And the rule whose input was missing (network ACLs in us-west-2) is an error there too, not an empty pass
        var missing = Assert.Single(cases, c => c.Attribute("classname")!.Value == $"SGA010.{ReportTestData.AccountB}.us-west-2");
        Assert.Equal("not assessed: the input has no network ACLs", missing.Element("error")!.Attribute("message")!.Value);
    }

    [Fact]
    public async Task Should_NameTheWholeAccount_When_AnAccountCouldNotBeRead()
    {
        // Given a scan whose second account could not be read at all (no region)
        var inventory = ReportTestData.Inventory() with { NotAssessed = [new NotAssessedScope(ReportTestData.AccountB, null, "AccessDenied", "cannot assume the role")] };
        var result = ReportTestData.Scan(inventory);

        // When it is rendered
        var document = JUnitXml.ParseAndValidate(await RenderAsync(result));

        // Then each rule has one error for that account across all regions
        var errors = document.Descendants("testcase").Where(c => c.Attribute("classname")!.Value.EndsWith($".{JUnitReportWriter.AllRegions}", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.Rules.Select(r => $"{r.Id}.{ReportTestData.AccountB}.all-regions"), errors.Select(c => c.Attribute("classname")!.Value));
        Assert.All(errors, c => Assert.Contains($"account {ReportTestData.AccountB} (every region): AccessDenied: cannot assume the role", c.Element("error")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_SkipADisabledRuleVisibly_When_TheConfigurationDisablesIt()
    {
        // Given a scan with SGA006 disabled
        var inventory = ReportTestData.Inventory();
        var rules = RuleSetResolver.Resolve(RuleCatalogLoader.BuiltIn, new Dictionary<string, RuleSettings> { ["SGA006"] = new() { Enabled = false } });
        var result = ReportTestData.Scan(inventory) with { Rules = rules, Evaluation = RuleEngine.BuiltIn.Evaluate(RuleCatalogLoader.BuiltIn, inventory, rules) };

        // When it is rendered
        var document = JUnitXml.ParseAndValidate(await RenderAsync(result));
        var root = document.Root!;

        // Then SGA006 still has its suite, with one skipped testcase saying why, and it is not counted as passed or failed
        var suite = Assert.Single(root.Elements("testsuite"), s => RuleId(s) == "SGA006");
        Assert.Equal(RuleCatalogLoader.BuiltIn.Rules.Select(r => r.Id), root.Elements("testsuite").Select(RuleId));
        Assert.Equal((1, 0, 0, 1), (JUnitXml.Count(suite, "tests"), JUnitXml.Count(suite, "failures"), JUnitXml.Count(suite, "errors"), JUnitXml.Count(suite, "skipped")));
        Assert.Equal("false", suite.Descendants("property").Single(p => p.Attribute("name")!.Value == "enabled").Attribute("value")!.Value);
        var skipped = Assert.Single(suite.Elements("testcase")).Element("skipped")!;
        Assert.Contains("disabled", skipped.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Equal(result.Evaluation.Outcomes.Count + result.Evaluation.Gaps.Length + 1, JUnitXml.Count(root, "tests"));
    }

    [Fact]
    public async Task Should_KeepHostileAccountStringsInertAndParseable_When_NamesAreCraftedOrBroken()
    {
        // Given groups, all open to SSH, named with markup, a CDATA terminator, control characters XML 1.0 cannot
        // carry, direction marks, a lone surrogate, a non-character, an emoji and 5,000 characters; an ACL tagged likewise
        string[] names =
        [
            "<img src=x onerror=alert(1)>",
            "]]><![CDATA[x]]> & &amp; \"'",
            "ctl\u0001nul\u0000us\u001fdel\u007f",
            "\u202Eexe.txt\u200F\u2066",
            "lone\uD800surrogate\uFFFE",
            "emoji \U0001F600 ok",
            ReportTestData.LongName,
        ];
        string[] expected =
        [
            "<img src=x onerror=alert(1)>",
            "]]><![CDATA[x]]> & &amp; \"'",
            "ctl[U+0001]nul[U+0000]us[U+001F]del[U+007F]",
            "[U+202E]exe.txt[U+200F][U+2066]",
            "lone\uFFFDsurrogate\uFFFD",
            "emoji \U0001F600 ok",
            ReportTestData.LongName[..(JUnitReportWriter.MaxNameLength - 1)] + "…",
        ];
        var region = new RegionInventory(ReportTestData.AccountA, "us-east-1")
        {
            Vpcs = [new Vpc("vpc-0aaa1111")],
            SecurityGroups = [.. names.Select((name, i) => new SecurityGroup($"sg-{i:x17}", name, ReportTestData.AccountA)
            {
                VpcId = "vpc-0aaa1111",
                Ingress = [new Permission(Direction.Ingress, IpProtocol.Tcp, [new CidrSource(IPNetwork.Parse("0.0.0.0/0"))]) { Ports = new PortRange(22, 22) }],
            })],
            NetworkAcls = [new NetworkAcl("acl-0a1b2c3d4e5f60001") { VpcId = "vpc-0aaa1111", Tags = [new ResourceTag("Name", names[2])] }],
        };
        var result = ReportTestData.Scan(new Inventory([region], [new NotAssessedScope(ReportTestData.AccountB, "eu-west-1", "Denied", names[1] + names[2])]));

        // When it is rendered
        var xml = await RenderAsync(result);
        var document = JUnitXml.ParseAndValidate(xml);

        // Then no markup got through, and each name reads back as itself, with what XML cannot carry made visible
        Assert.DoesNotContain("<img", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<![CDATA[", xml, StringComparison.Ordinal);
        var ssh = document.Root!.Elements("testsuite").Single(s => RuleId(s) == "SGA004").Elements("testcase").Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(names.Select((_, i) => $"sg-{i:x17} ({expected[i]})"), ssh.Select(c => c.Attribute("name")!.Value));
        for (var i = 0; i < names.Length; i++)
        {
            // the failure text names the resource whole (only the testcase name is shortened)
            Assert.Contains($"\"{(i == 6 ? ReportTestData.LongName : expected[i])}\"", ssh[i].Element("failure")!.Value, StringComparison.Ordinal);
        }

        Assert.True(ssh[6].Attribute("name")!.Value.Length <= "sg-00000000000000006 ()".Length + JUnitReportWriter.MaxNameLength);
        Assert.All(ssh, c => Assert.True(c.Element("failure")!.Attribute("message")!.Value.Length <= JUnitReportWriter.MaxMessageLength));

        // And the passing ACL's name and the not-assessed message are cleaned the same way
        var acl = document.Descendants("testcase").First(c => c.Attribute("classname")!.Value.StartsWith("SGA010.", StringComparison.Ordinal));
        Assert.Equal($"acl-0a1b2c3d4e5f60001 ({expected[2]})", acl.Attribute("name")!.Value);
        var error = document.Descendants("error").First();
        Assert.Contains(expected[1] + expected[2], error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_BeByteIdentical_When_RenderedTwice()
    {
        // Given / When the same scan is rendered twice
        var first = await RenderAsync(ReportTestData.Create());
        var second = await RenderAsync(ReportTestData.Create());

        // Then the renders are identical and start with the UTF-8 declaration
        Assert.Equal(first, second);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites ", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_CountEveryResource_When_TheScanIsLarge()
    {
        // Given 3,000 groups open to the world on every port (seven findings each, over six rules at once for SGA001)
        var result = ReportTestData.CreateLarge(3000);

        // When it is rendered
        var document = JUnitXml.ParseAndValidate(await RenderAsync(result));

        // Then SGA001, which looks at every group, has 3,000 testcases, and every suite counts its outcomes exactly
        Assert.Equal(3000, JUnitXml.Count(document.Root!.Elements("testsuite").First(), "tests"));
        foreach (var suite in document.Root!.Elements("testsuite"))
        {
            Assert.Equal(result.Evaluation.Outcomes.Count(o => o.RuleId == RuleId(suite)), JUnitXml.Count(suite, "tests"));
            Assert.Equal(suite.Elements("testcase").Count(), JUnitXml.Count(suite, "tests"));
            Assert.Equal(result.Evaluation.Outcomes.Count(o => o.RuleId == RuleId(suite) && !o.Passed), JUnitXml.Count(suite, "failures"));
        }

        Assert.Equal(result.Findings.Select(f => (f.RuleId, f.ResourceId)).Distinct().Count(), JUnitXml.Count(document.Root!, "failures"));
    }

    [Fact]
    public async Task Should_WriteNothing_When_Cancelled()
    {
        // Given a cancelled token
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var stream = new MemoryStream();

        // When / Then rendering stops before writing
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new JUnitReportWriter().WriteAsync(ReportTestData.Create(), stream, cancellation.Token));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Should_LeaveCleanTextAlone_When_NothingNeedsReplacing()
    {
        // Given / When / Then ordinary text (including non-ASCII and surrogate pairs) is returned as the same instance
        const string text = "web-tier-sg ünïcödé \U0001F600 <b>&</b>";
        Assert.Same(text, XmlReportText.Clean(text));
        Assert.Equal("a\tb\nc\rd", XmlReportText.Clean("a\tb\nc\rd"));
        Assert.Equal("\uFFFD[U+0001]", XmlReportText.Clean("\uDC00\u0001"));
    }

    private static string RuleId(XElement suite) =>
        suite.Element("properties")!.Elements("property").Single(p => p.Attribute("name")!.Value == "ruleId").Attribute("value")!.Value;

    private static Task<string> RenderAsync(ScanResult result) => ReportRendering.RenderAsync(new JUnitReportWriter(), result);
}
