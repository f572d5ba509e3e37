using System.Text.Json;
using System.Text.RegularExpressions;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;
using SgAudit.Reporting;

namespace SgAudit.Tests.Reporting;

/// <summary>Trail posture and change attribution in every report format, with CloudTrail strings treated as untrusted.</summary>
public sealed class CloudTrailReportTests
{
    private const string ImgGroup = "sg-0a1b2c3d4e5f60001";

    [Fact]
    public async Task Should_ShowEveryAttributionStateAndThePosture_When_RenderingHtml()
    {
        // Given / When the test scan with CloudTrail is rendered as HTML
        var html = await RenderAsync("html", ReportTestData.Create());

        // Then each failing group's row says who changed it, or why that is unknown, and each account has a posture
        Assert.Contains("last changed by arn:aws:iam::111111111111:user/&lt;img src&#61;x onerror&#61;alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("at 2025-12-24T18:30:00Z via AuthorizeSecurityGroupIngress", html, StringComparison.Ordinal);
        Assert.Contains("from &lt;script&gt;alert(3)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">no change in the last 90 days<", html, StringComparison.Ordinal);
        Assert.Contains(">not looked up (per-region lookup limit reached)<", html, StringComparison.Ordinal);
        Assert.Contains(">attribution not assessed: ThrottlingException<", html, StringComparison.Ordinal);
        Assert.Contains("last changed by &lt;/script&gt;&lt;b&gt;eve&lt;/b&gt; [link](http://e) @ops at 2025-12-21T18:30:00Z via CreateSecurityGroup", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge trail-logging\">Logging</span>", html, StringComparison.Ordinal);
        Assert.Contains("multi-region trail org-trail &lt;i&gt;x&lt;/i&gt; _y_ (home region us-east-1) is logging management events", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge trail-not-assessed\">Not assessed</span>", html, StringComparison.Ordinal);
        Assert.Contains("trails not assessed: AccessDeniedException: User is not authorized &lt;/script&gt;&lt;b&gt;z&lt;/b&gt; **w**", html, StringComparison.Ordinal);
        Assert.Contains("[U+202E]exe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", HtmlOwnScript.Remove(html), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', html);
    }

    [Fact]
    public async Task Should_EscapeCloudTrailStrings_When_RenderingMarkdown()
    {
        // Given / When the test scan with CloudTrail is rendered as the Markdown summary
        var markdown = await RenderAsync("md", ReportTestData.Create());

        // Then the CloudTrail section and the last-change column are there, and the event strings are inert
        Assert.Contains("### CloudTrail (informational)", markdown, StringComparison.Ordinal);
        Assert.Contains("- Account 111111111111: **Logging**: multi\\-region trail org\\-trail &lt;i&gt;x&lt;/i&gt; \\_y\\_", markdown, StringComparison.Ordinal);
        Assert.Contains("- Account 222222222222: **Not assessed**: trails not assessed\\: AccessDeniedException: User is not authorized &lt;/script&gt;&lt;b&gt;z&lt;/b&gt; \\*\\*w\\*\\*", markdown, StringComparison.Ordinal);
        Assert.Contains("found 2, no change 1, not looked up 1, not assessed 1", markdown, StringComparison.Ordinal);
        Assert.Contains("last changed by arn\\:aws\\:iam\\:\\:111111111111\\:user/&lt;img src=x onerror=alert\\(2\\)&gt; \\*\\*admin\\*\\* \\| \\`x\\` \\[U\\+202E\\]exe", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;b&gt;eve&lt;/b&gt; \\[link\\]\\(http\\://e\\) \\@ops", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**admin**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](http", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', markdown);
    }

    [Fact]
    public async Task Should_RoundTripTheLastChange_When_RenderingJson()
    {
        // Given / When the test scan with CloudTrail is rendered as report.json
        var text = await RenderAsync("json", ReportTestData.Create());
        using var json = JsonDocument.Parse(text);

        // Then group findings carry their group's last change exactly, network ACL findings null
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var img = findings.First(f => f.GetProperty("resourceId").GetString() == ImgGroup).GetProperty("lastChange");
        Assert.Equal("found", img.GetProperty("status").GetString());
        Assert.Equal(ReportTestData.HostileActor, img.GetProperty("actor").GetString());
        Assert.Equal(ReportTestData.HostileSourceIp, img.GetProperty("sourceIp").GetString());
        Assert.Equal("AuthorizeSecurityGroupIngress", img.GetProperty("eventName").GetString());
        Assert.Equal("2025-12-24T18:30:00Z", img.GetProperty("eventTime").GetString());
        Assert.Equal("a1b2c3d4-0001", img.GetProperty("eventId").GetString());
        Assert.All(findings.Where(f => f.GetProperty("resourceType").GetString() == "AWS::EC2::NetworkAcl"), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("lastChange").ValueKind));
        var cloudTrail = json.RootElement.GetProperty("cloudTrail");

        // And every group finding's last change is its own group's attribution, member for member (each finding's
        // object is copied from the one before when they match, so a wrong match would show here)
        var byGroup = cloudTrail.GetProperty("attributions").EnumerateArray().ToDictionary(
            a => (a.GetProperty("accountId").GetString(), a.GetProperty("region").GetString(), a.GetProperty("groupId").GetString()),
            a => a.EnumerateObject().Where(m => m.Name is not ("accountId" or "region" or "groupId")).Select(m => $"{m.Name}={m.Value.GetRawText()}").ToList());
        var groupFindings = findings.Where(f => f.GetProperty("resourceType").GetString() == "AWS::EC2::SecurityGroup").ToList();
        Assert.True(groupFindings.Select(f => f.GetProperty("lastChange").GetRawText()).Distinct().Count() >= 4);
        Assert.All(groupFindings, f => Assert.Equal(
            byGroup[(f.GetProperty("accountId").GetString(), f.GetProperty("region").GetString(), f.GetProperty("resourceId").GetString())],
            f.GetProperty("lastChange").EnumerateObject().Select(m => $"{m.Name}={m.Value.GetRawText()}")));
        Assert.Equal(["found", "no-change", "not-looked-up", "not-assessed", "found"], cloudTrail.GetProperty("attributions").EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(["logging", "not-assessed"], cloudTrail.GetProperty("trails").EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(ReportTestData.HostileTrailError, cloudTrail.GetProperty("trails")[1].GetProperty("errorMessage").GetString());
        Assert.Equal(ReportTestData.HostileCloudTrailStrings.Order(StringComparer.Ordinal),
            cloudTrail.GetProperty("attributions").EnumerateArray().SelectMany(a => new[] { a.GetProperty("actor").GetString(), a.GetProperty("sourceIp").GetString() }).OfType<string>().Order(StringComparer.Ordinal));
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text);
    }

    [Fact]
    public async Task Should_GiveEachFindingItsOwnScopesChange_When_AGroupIdRepeatsAcrossRegionsAndAccounts()
    {
        // Given one group id, open to the world, in two regions of one account and in a second account, each changed by someone else
        const string Id = "sg-0123456789abcdef0";
        var scopes = new[] { (ReportTestData.AccountA, "us-east-1", "alice"), (ReportTestData.AccountA, "eu-west-1", "bob"), (ReportTestData.AccountB, "us-east-1", "carol") };
        var inventory = new Inventory(
            [.. scopes.Select(s => new RegionInventory(s.Item1, s.Item2)
            {
                SecurityGroups = [new SecurityGroup(Id, $"web-{s.Item3}", s.Item1) { Ingress = [ReportTestData.AllTraffic(ReportTestData.World4)] }],
            })],
            []);
        var result = ReportTestData.Scan(inventory) with
        {
            CloudTrail = new CloudTrailResult
            {
                AttributionRan = true,
                LookbackDays = 90,
                Attributions = [.. scopes.Select(s => GroupAttribution.Found(new GroupChange(s.Item1, s.Item2, Id, "AuthorizeSecurityGroupIngress", ReportTestData.ChangedAt, s.Item3, $"event-{s.Item3}")))],
            },
        };

        // When it is rendered as report.json and HTML
        using var json = JsonDocument.Parse(await RenderAsync("json", result));
        var html = await RenderAsync("html", result);

        // Then every finding names its own scope's actor, and each group card its own name and actor
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(3, findings.Select(f => (f.GetProperty("accountId").GetString(), f.GetProperty("region").GetString())).Distinct().Count());
        Assert.All(findings, f => Assert.Equal(
            scopes.Single(s => s.Item1 == f.GetProperty("accountId").GetString() && s.Item2 == f.GetProperty("region").GetString()).Item3,
            f.GetProperty("lastChange").GetProperty("actor").GetString()));
        Assert.All(scopes, s => Assert.Matches($"<span class=\"name\">web-{s.Item3}</span></td>\\s*<td[^>]*>[^<]*<span[^>]*>last changed by {s.Item3} at", html));
    }

    [Fact]
    public async Task Should_ListLookedUpGroupsAndCountTheRestPerRegionAndReason_When_RenderingTheAttributionTable()
    {
        // Given failing groups in two regions of one account and one of another: in us-east-1 two looked up and five
        // past the lookup limit; in eu-west-1 four throttled, one denied; in the second account one past the limit
        static string Id(int n) => $"sg-{n:d17}";
        List<GroupAttribution> attributions =
        [
            GroupAttribution.NotAssessed(ReportTestData.AccountA, "eu-west-1", Id(1), "ThrottlingException", "Rate exceeded"),
            GroupAttribution.NotAssessed(ReportTestData.AccountA, "eu-west-1", Id(2), "AccessDeniedException", "<b>denied</b>"),
            GroupAttribution.NotAssessed(ReportTestData.AccountA, "eu-west-1", Id(3), "ThrottlingException", "Rate exceeded"),
            GroupAttribution.NotAssessed(ReportTestData.AccountA, "eu-west-1", Id(4), "ThrottlingException", "Rate exceeded"),
            GroupAttribution.NotAssessed(ReportTestData.AccountA, "eu-west-1", Id(5), "ThrottlingException", "Rate exceeded"),
            GroupAttribution.Found(new GroupChange(ReportTestData.AccountA, "us-east-1", Id(10), "AuthorizeSecurityGroupIngress", ReportTestData.ChangedAt, "alice", "event-10") { SourceIp = "198.51.100.7" }),
            new GroupAttribution(ReportTestData.AccountA, "us-east-1", Id(11), AttributionStatus.NoChangeInWindow),
            .. Enumerable.Range(12, 5).Select(n => new GroupAttribution(ReportTestData.AccountA, "us-east-1", Id(n), AttributionStatus.NotLookedUp)),
            new GroupAttribution(ReportTestData.AccountB, "us-east-1", Id(20), AttributionStatus.NotLookedUp),
        ];
        var inventory = new Inventory(
            [.. attributions.GroupBy(a => (a.AccountId, a.Region)).Select(scope => new RegionInventory(scope.Key.AccountId, scope.Key.Region)
            {
                SecurityGroups = [.. scope.Select(a => new SecurityGroup(a.GroupId, $"web-{a.GroupId[^2..]}", a.AccountId) { Ingress = [ReportTestData.AllTraffic(ReportTestData.World4)] })],
            })],
            []);
        var result = ReportTestData.Scan(inventory) with { CloudTrail = new CloudTrailResult { AttributionRan = true, LookbackDays = 90, Attributions = [.. attributions] } };

        // When it is rendered as HTML
        var html = await RenderAsync("html", result);

        // Then the table lists each looked-up group and the lone denied one, and counts each shared outcome once, where its first group is
        var table = Regex.Match(html, "<table class=\"attributions\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => string.Join(" | ", Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(cell => Regex.Replace(Regex.Replace(cell.Groups[1].Value, "<[^>]+>", " "), "\\s+", " ").Trim())))
            .ToList();
        Assert.Equal(
            [
                $"{ReportTestData.AccountA} | eu-west-1 | 4 failing groups | attribution not assessed: ThrottlingException (Rate exceeded) | - | -",
                $"{ReportTestData.AccountA} | eu-west-1 | {Id(2)} web-02 | attribution not assessed: AccessDeniedException (&lt;b&gt;denied&lt;/b&gt;) | - | -",
                $"{ReportTestData.AccountA} | us-east-1 | {Id(10)} web-10 | last changed by alice at 2025-12-24T18:30:00Z via AuthorizeSecurityGroupIngress | 198.51.100.7 | event-10",
                $"{ReportTestData.AccountA} | us-east-1 | {Id(11)} web-11 | no change in the last 90 days | - | -",
                $"{ReportTestData.AccountA} | us-east-1 | 5 failing groups | not looked up (per-region lookup limit reached) | - | -",
                $"{ReportTestData.AccountB} | us-east-1 | {Id(20)} web-20 | not looked up (per-region lookup limit reached) | - | -",
            ],
            rows);

        // And every group's card still shows its own outcome
        Assert.Equal(attributions.Count, Regex.Count(html, "<span class=\"attribution-(found|no-change|not-looked-up|not-assessed)\">") - rows.Count);
    }

    [Fact]
    public async Task Should_PutTheLastChangeInResultPropertiesWithoutChangingFingerprints_When_RenderingSarif()
    {
        // Given the test scan with and without CloudTrail
        var with = ReportTestData.Create();
        var without = with with { CloudTrail = CloudTrailResult.Empty };

        // When both are rendered as SARIF
        var withText = await RenderAsync("sarif", with);
        using var withSarif = JsonDocument.Parse(withText);
        using var withoutSarif = JsonDocument.Parse(await RenderAsync("sarif", without));

        // Then group results carry sgaudit/lastChange, the rest do not, and fingerprints are identical
        var results = Results(withSarif).ToList();
        var img = results.First(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString() == ImgGroup);
        var change = img.GetProperty("properties").GetProperty("sgaudit/lastChange");
        Assert.Equal("found", change.GetProperty("status").GetString());
        Assert.Equal(ReportTestData.HostileActor, change.GetProperty("actor").GetString());
        Assert.Equal(ReportTestData.HostileSourceIp, change.GetProperty("sourceIp").GetString());
        Assert.All(results.Where(r => r.GetProperty("ruleId").GetString() == "SGA010"), r => Assert.False(r.GetProperty("properties").TryGetProperty("sgaudit/lastChange", out _)));
        Assert.All(Results(withoutSarif), r => Assert.False(r.GetProperty("properties").TryGetProperty("sgaudit/lastChange", out _)));
        Assert.Equal(Fingerprints(withoutSarif), Fingerprints(withSarif));
        Assert.DoesNotContain("<img", withText, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", withText, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', withText);
    }

    [Fact]
    public async Task Should_SayAttributionDidNotRun_When_TheScanHasNoCloudTrail()
    {
        // Given the test scan without CloudTrail (attribution off, or a source without it)
        var result = ReportTestData.Create() with { CloudTrail = CloudTrailResult.Empty };

        // When it is rendered
        var html = await RenderAsync("html", result);
        var markdown = await RenderAsync("md", result);

        // Then the reports say so instead of implying there is no trail
        Assert.Contains("Trail posture: not assessed (the source provides no CloudTrail).", html, StringComparison.Ordinal);
        Assert.Contains("Change attribution was not run", html, StringComparison.Ordinal);
        Assert.DoesNotContain("last changed by", html, StringComparison.Ordinal);
        Assert.Contains("- Trail posture not assessed: the source provides no CloudTrail.", markdown, StringComparison.Ordinal);
        Assert.Contains("- Change attribution was not run.", markdown, StringComparison.Ordinal);
    }

    private static Task<string> RenderAsync(string format, ScanResult result) =>
        ReportRendering.RenderAsync(new ReportWriterFactory(TemplateSet.Embedded).Create(format), result);

    private static IEnumerable<JsonElement> Results(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray());

    private static List<string?> Fingerprints(JsonDocument sarif) =>
        [.. Results(sarif).Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString())];
}
