using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SgAudit.Core.Model;
using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>Typed parameter values from JSON: port lists with ranges, string lists and tag selectors, and their errors.</summary>
public sealed class ParameterValueParserTests
{
    [Theory]
    [InlineData("[22, 3389]", "22, 3389")]
    [InlineData("[443, \"1020-1025\"]", "443, 1020-1025")]
    [InlineData("[\"8000-8999\", 80]", "80, 8000-8999")]
    [InlineData("[\"0-65535\"]", "0-65535")]
    [InlineData("[\"53\"]", "53")]
    [InlineData("[\"7-7\"]", "7")]
    [InlineData("[]", "[]")]
    public void Should_ReadPortsAndRanges_When_APortListIsValid(string json, string expectedText)
    {
        // Given / When
        var parsed = Parse(ParameterType.PortList, json, out var value, out var error);

        // Then
        Assert.True(parsed, error);
        Assert.IsType<PortSet>(value);
        Assert.Equal(expectedText, ParameterValues.ToText(value));
    }

    [Theory]
    [InlineData("[22, 22]", "item 1: port 22 is listed twice")]
    [InlineData("[\"20-25\", 22]", "item 1: 22 overlaps item 0 (20-25)")]
    [InlineData("[\"25-20\"]", "item 0: expected a port 0–65535 or a range \"from-to\" with from <= to")]
    [InlineData("[\"0-65536\"]", "item 0: expected a port")]
    [InlineData("[70000]", "item 0: expected a port")]
    [InlineData("[-1]", "item 0: expected a port")]
    [InlineData("[\"20 - 25\"]", "item 0: expected a port")]
    [InlineData("[\"-5\"]", "item 0: expected a port")]
    [InlineData("[\"1020-\"]", "item 0: expected a port")]
    [InlineData("[true]", "item 0: expected a port")]
    [InlineData("\"443,1020-1025\"", "expected a list of ports and \"from-to\" ranges")]
    public void Should_SayWhatIsWrong_When_APortListIsInvalid(string json, string expectedError)
    {
        // Given / When
        var parsed = Parse(ParameterType.PortList, json, out _, out var error);

        // Then
        Assert.False(parsed);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_EqualTheSamePortsListedDifferently_When_PortListsAreCompared()
    {
        // Given
        Parse(ParameterType.PortList, "[80, 81, 82]", out var singles, out _);
        Parse(ParameterType.PortList, "[\"80-82\"]", out var range, out _);
        Parse(ParameterType.PortList, "[\"80-83\"]", out var wider, out _);

        // When / Then
        Assert.True(ParameterValues.AreEqual(singles, range));
        Assert.False(ParameterValues.AreEqual(range, wider));
    }

    [Theory]
    [InlineData(ParameterType.StringList, "[\"launch-wizard-*\", \"temp-?\"]")]
    [InlineData(ParameterType.StringList, "[]")]
    [InlineData(ParameterType.TagSelectorList, "[\"pci-scope\", \"DataClassification=cardholder\", \"a=b=c\", \"empty=\"]")]
    [InlineData(ParameterType.TagSelectorList, "[]")]
    public void Should_KeepTheItemsInOrder_When_AStringListIsValid(ParameterType type, string json)
    {
        // Given / When
        var parsed = Parse(type, json, out var value, out var error);

        // Then
        Assert.True(parsed, error);
        Assert.Equal(JsonNode.Parse(json)!.AsArray().Select(n => n!.GetValue<string>()), (ImmutableArray<string>)value);
    }

    [Theory]
    [InlineData(ParameterType.StringList, "[\"\"]", "item 0: expected a non-empty string")]
    [InlineData(ParameterType.StringList, "[\"a\", \"a\"]", "item 1: 'a' is listed twice")]
    [InlineData(ParameterType.StringList, "[1]", "item 0: expected a non-empty string")]
    [InlineData(ParameterType.StringList, "\"a\"", "expected a list of strings")]
    [InlineData(ParameterType.TagSelectorList, "[\"=cardholder\"]", "item 0: '=cardholder' has no tag key before '='")]
    [InlineData(ParameterType.TagSelectorList, "[\"pci\", \"pci\"]", "item 1: 'pci' is listed twice")]
    [InlineData(ParameterType.TagSelectorList, "\"pci-scope\"", "expected a list of tag selectors")]
    public void Should_SayWhatIsWrong_When_AStringListIsInvalid(ParameterType type, string json, string expectedError)
    {
        // Given / When
        var parsed = Parse(type, json, out _, out var error);

        // Then
        Assert.False(parsed);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RejectAnOverlongTagKey_When_ASelectorIsParsed()
    {
        var parsed = Parse(ParameterType.TagSelectorList, $"[\"{new string('k', 129)}\"]", out _, out var error);

        Assert.False(parsed);
        Assert.Equal("item 0: a tag key is at most 128 characters", error);
    }

    private static bool Parse(ParameterType type, string json, out object value, out string error) =>
        ParameterValueParser.TryParse(new RuleParameterDefinition("p", type, new object(), "test"), JsonNode.Parse(json), out value, out error);
}
