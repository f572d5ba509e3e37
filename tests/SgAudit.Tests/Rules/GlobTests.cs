using SgAudit.Core.Rules;

namespace SgAudit.Tests.Rules;

/// <summary>Whole-string, ordinal globs with * and ? (no escape).</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("launch-wizard-1", "launch-wizard-*", true)]
    [InlineData("launch-wizard-", "launch-wizard-*", true)]
    [InlineData("launch-wizard", "launch-wizard-*", false)]
    [InlineData("Launch-Wizard-1", "launch-wizard-*", false)]
    [InlineData("old-launch-wizard-3", "*launch-wizard*", true)]
    [InlineData("launch-wizard", "*launch-wizard*", true)]
    [InlineData("web-sg", "web-s?", true)]
    [InlineData("web-s", "web-s?", false)]
    [InlineData("web-sgx", "web-s?", false)]
    [InlineData("abcabcx", "*abc*x", true)]
    [InlineData("abcabcy", "*abc*x", false)]
    [InlineData("a*b", "a*b", true)]
    [InlineData("*literal", "*x", false)]
    [InlineData("", "*", true)]
    [InlineData("", "", true)]
    [InlineData("x", "", false)]
    [InlineData("aaa", "a*a*a", true)]
    [InlineData("aa", "a*a*a", false)]
    public void Should_MatchTheWholeName_When_APatternIsGiven(string text, string pattern, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(text, pattern));
    }
}
