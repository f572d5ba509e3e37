using SgAudit.Core.Suppressions;

namespace SgAudit.Tests.Suppressions;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("sg-0abc", "sg-0abc", true)]
    [InlineData("sg-0abc", "sg-0abcd", false)]
    [InlineData("sg-0abc", "SG-0ABC", false)]
    [InlineData("sg-0abc*", "sg-0abc", true)]
    [InlineData("sg-0abc*", "sg-0abc123", true)]
    [InlineData("sg-0abc*", "sg-0ab", false)]
    [InlineData("*-sg", "bastion-sg", true)]
    [InlineData("*-sg", "bastion-sg-old", false)]
    [InlineData("web-*-sg", "web-prod-sg", true)]
    [InlineData("web-*-sg", "web--sg", true)]
    [InlineData("web-*-sg", "web-sg", false)]
    [InlineData("bastion-?", "bastion-1", true)]
    [InlineData("bastion-?", "bastion-12", false)]
    [InlineData("bastion-?", "bastion-", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("**", "", true)]
    public void Should_MatchLikeAShellGlob_When_ThePatternHasWildcards(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(value));
    }

    [Fact]
    public void Should_MatchOnlyTheSameText_When_ThePatternIsExact()
    {
        // Given an exact pattern holding wildcard characters (a resource id from the account)
        var exact = GlobPattern.Exact("sg-*");

        // Then the characters are literal
        Assert.True(exact.IsMatch("sg-*"));
        Assert.False(exact.IsMatch("sg-0abc"));
    }

    [Fact]
    public void Should_StayFast_When_AHostileNameDefeatsBacktracking()
    {
        // Given a pattern and a 100,000-character name built to make a backtracking matcher exponential
        var name = new string('a', 100_000);
        var pattern = GlobPattern.Parse("*a*a*a*a*a*a*a*b");

        // Then it answers (the two-pointer match is at worst the product of the lengths, here with 8 stars)
        Assert.False(pattern.IsMatch(name));
    }
}
