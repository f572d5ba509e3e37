using System.Buffers;
using System.Text;
using SgAudit.Reporting.Sarif;

namespace SgAudit.Tests.Reporting;

/// <summary>
/// The check every rendered SARIF file passes before it is written: what GitHub code scanning would reject must be
/// named, with its place, whatever order the template writes the log's members in.
/// </summary>
public sealed class SarifValidatorTests
{
    private const string Rule = """{"id":"SGA001","shortDescription":{"text":"s"},"fullDescription":{"text":"f"},"help":{"text":"h"},"defaultConfiguration":{"level":"error"},"properties":{"security-severity":"8.0","tags":["security"]}}""";
    private const string Result = """{"ruleId":"SGA001","ruleIndex":0,"level":"error","message":{"text":"open"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"aws/1/us-east-1/sg-1"},"region":{"startLine":1}}}],"partialFingerprints":{"primaryLocationLineHash":"abc"}}""";
    private static readonly SarifLimits Limits = new(MaxRuns: 3, MaxResultsPerRun: 2);

    [Fact]
    public void Should_AcceptAWellFormedLog()
    {
        Assert.Empty(Validate(Log(Run("a/x", Result, Result))));
    }

    [Fact]
    public void Should_AcceptTheSameLog_When_ItArrivesInManySmallSegments()
    {
        var bytes = Encoding.UTF8.GetBytes(Log(Run("a/x", Result, Result), Run("b/x", Result)));
        Assert.Empty(SarifValidator.Validate(Segmented(bytes, 7), Limits));
    }

    [Fact]
    public void Should_NameEveryBrokenPartInOrder_When_ResultsComeAfterOrBeforeTheTool()
    {
        var badResult = """{"ruleId":"SGA002","ruleIndex":0,"level":"fatal","message":{"text":" "},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"/abs/../x"},"region":{"startLine":0}}}]}""";
        var badRule = """{"id":"SGA001","shortDescription":{"text":""},"fullDescription":{"text":"f"},"help":{"text":"h"},"properties":{"security-severity":"11"}}""";
        string[] expected =
        [
            "runs[0].tool.driver.rules[0].shortDescription.text is missing (rule SGA001)",
            "runs[0].tool.driver.rules[0].properties.security-severity must be a string holding a number from 0.1 to 10 (rule SGA001)",
            "runs[0].results[0].message.text is missing or blank",
            "runs[0].results[0].ruleIndex 0 is rule SGA001, not SGA002",
            "runs[0].results[0].level is not none, note, warning or error",
            "runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri '/abs/../x' is not a relative path without ':', spaces, '\\', '.' or '..' segments",
            "runs[0].results[0].locations[0].physicalLocation.region.startLine is missing or below 1",
            "runs[0].results[0].partialFingerprints.primaryLocationLineHash is missing",
        ];

        var toolFirst = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"SgAudit\",\"rules\":["
            + badRule + "]}},\"results\":[" + badResult + "]}]}";
        var resultsFirst = "{\"runs\":[{\"results\":[" + badResult + "],\"tool\":{\"driver\":{\"name\":\"SgAudit\",\"rules\":[" + badRule
            + "]}}}],\"version\":\"2.1.0\",\"$schema\":\"sarif-2.1.0.json\"}";

        Assert.Equal(expected, Validate(toolFirst));
        Assert.Equal(expected, Validate(resultsFirst));
    }

    [Fact]
    public void Should_RefuseTooManyRunsAndResultsAndARepeatedCategory()
    {
        var log = Log(Run("a/x", Result, Result, Result), Run("a/y", Result), Run("b/x"), Run("c/x"));

        Assert.Equal(
        [
            "4 runs; GitHub accepts at most 3",
            "runs[0] has 3 results; GitHub accepts at most 2 per run",
            "runs[1].automationDetails.id 'a/y' repeats the category of an earlier run",
        ], Validate(log));
    }

    [Fact]
    public void Should_ReportOnlyTheDriver_When_ARunHasNoToolName()
    {
        var log = """{"$schema":"sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"broken":true}]},{"results":[]},3]}""";

        Assert.Equal(["runs[0].tool.driver.name is missing", "runs[1].tool.driver.name is missing", "runs[2] is not an object"], Validate(log));
    }

    [Theory]
    [InlineData("""[]""", "the top level is not a JSON object")]
    [InlineData("""{"version":"2.0.0","runs":{}}""", "$schema is missing or does not name SARIF 2.1.0|version is not \"2.1.0\"|runs is missing or not an array")]
    [InlineData("""{"$schema":"sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"SgAudit","rules":{}}},"results":7}]}""", "runs[0].tool.driver.rules is missing or not an array|runs[0].results is missing or not an array")]
    public void Should_NameStructuralProblems(string log, string expected)
    {
        Assert.Equal(expected.Split('|'), Validate(log));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"runs":[""")]
    [InlineData("""{"runs":[]} {}""")]
    [InlineData("""{"runs":[{"results":[{"message":{"text":"a}]}]}""")]
    public void Should_SayTheOutputIsNotJson_When_ItIsNot(string log)
    {
        var problem = Assert.Single(Validate(log));
        Assert.StartsWith("the output is not valid JSON", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ruleId":"SGA001","message":[{"text":"x"}],"locations":[{"physicalLocation":{"artifactLocation":{"uri":"aws/1"},"region":{"startLine":1}}}],"partialFingerprints":{"primaryLocationLineHash":"f:1"}}""", "message.text is missing or blank")]
    [InlineData("""{"ruleId":"SGA001","ruleIndex":1.5,"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"aws/1"},"region":{"startLine":1}}}],"partialFingerprints":{"primaryLocationLineHash":"f:1"}}""", "ruleIndex is not an index into tool.driver.rules")]
    [InlineData("""{"ruleId":"SGA001","message":{"text":"m"},"locations":{"physicalLocation":{}},"partialFingerprints":{"primaryLocationLineHash":"f:1"}}""", "locations is missing or empty")]
    [InlineData("""{"ruleId":"SGA001","message":{"text":"m"},"locations":[7,{"physicalLocation":{"artifactLocation":{"uri":"aws/1"},"region":{"startLine":1}}}],"partialFingerprints":{"primaryLocationLineHash":"f:1"}}""", "locations[0].physicalLocation is missing")]
    [InlineData("""{"ruleId":"SGA001","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":["aws/1"],"region":{"startLine":"1"}}}],"partialFingerprints":{"primaryLocationLineHash":"f:1"}}""", "locations[0].physicalLocation.artifactLocation.uri is missing or empty|locations[0].physicalLocation.region.startLine is missing or below 1")]
    [InlineData("""{"properties":{"a":{"b":[1,{"c":[2,{"ruleId":"x"}]}]}},"partialFingerprints":[],"ruleId":"SGA001","message":{"text":"m","markdown":{"x":[1]}},"locations":[{"id":1,"physicalLocation":{"x":{"region":[]},"artifactLocation":{"index":0,"uri":"aws/1"},"region":{"endLine":{"a":1},"startLine":3}}}]}""", "partialFingerprints.primaryLocationLineHash is missing")]
    public void Should_ReadEachResultToItsEnd_When_ItsMembersHaveUnexpectedShapes(string result, string expected)
    {
        // Given the odd result before a good one, with the results before and after the tool, whole and in 5-byte segments
        var toolFirst = Log(Run("a/x", result, Result));
        var resultsFirst = """{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"results":["""
            + string.Join(',', result, Result) + $$$"""],"tool":{"driver":{"name":"SgAudit","rules":[{{{Rule}}}]}},"automationDetails":{"id":"a/x"}}]}""";

        // Then exactly the odd result's problems are named, and the reader stays in step for the result after it
        var problems = expected.Split('|').Select(p => "runs[0].results[0]." + p).ToList();
        foreach (var log in new[] { toolFirst, resultsFirst })
        {
            Assert.Equal(problems, Validate(log));
            Assert.Equal(problems, SarifValidator.Validate(Segmented(Encoding.UTF8.GetBytes(log), 5), Limits));
        }
    }

    [Fact]
    public void Should_ListAtMostTheAskedNumberOfProblems()
    {
        var results = Enumerable.Repeat("""{"ruleId":"SGA001"}""", 5).ToArray();
        var problems = SarifValidator.Validate(Encoding.UTF8.GetBytes(Log(Run("a/x", results))), new SarifLimits(3, 100), maxProblems: 4);

        Assert.Equal(5, problems.Count);
        Assert.Equal("… and 11 more", problems[^1]);
    }

    private static IReadOnlyList<string> Validate(string log) => SarifValidator.Validate(Encoding.UTF8.GetBytes(log), Limits);

    private static string Log(params string[] runs) =>
        $$"""{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{{string.Join(',', runs)}}]}""";

    private static string Run(string automationId, params string[] results) =>
        $$$"""{"tool":{"driver":{"name":"SgAudit","rules":[{{{Rule}}}]}},"automationDetails":{"id":"{{{automationId}}}"},"results":[{{{string.Join(',', results)}}}]}""";

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var segment = new Segment(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), last);
            first ??= segment;
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
