using System.Text;
using System.Text.Json;
using SgAudit.Reporting.TextEncoders;

namespace SgAudit.Tests.Reporting;

public sealed class TextEncoderTests
{
    [Fact]
    public void Should_ParseBackToTheSameString_When_EveryCharacterIsJsonEncoded()
    {
        // Given every UTF-16 code unit that is not a surrogate, plus a surrogate pair
        var builder = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                builder.Append((char)c);
            }
        }

        var text = builder.Append("😀 </script> \"q\" \\").ToString();

        // When it is encoded into a JSON string literal and parsed
        var encoded = Encode(new JsonTextEncoder(), text);
        var parsed = JsonSerializer.Deserialize<string>("\"" + encoded + "\"");

        // Then it round-trips exactly, with no raw controls, separators, bidi overrides or markup characters left
        Assert.Equal(text, parsed);
        Assert.DoesNotContain(encoded, c => c < 0x20 || c is '\u2028' or '\u2029' or '\u202E' or '<' or '>' or '&' or (>= '\u007F' and <= '\u009F'));
    }

    [Fact]
    public void Should_ReplaceALoneSurrogate_When_Encoding()
    {
        // Given text with an unpaired surrogate, which UTF-8 cannot represent
        var text = "a\uD800b";

        // When / Then every encoder writes the replacement character instead
        Assert.Equal("a\uFFFDb", Encode(new JsonTextEncoder(), text));
        Assert.Equal("a\uFFFDb", Encode(new HtmlTextEncoder(), text));
        Assert.Equal("a\uFFFDb", Encode(new MarkdownTextEncoder(), text));
    }

    [Theory]
    [InlineData("<a href='x'>&\"`=</a>", "&lt;a href&#61;&#39;x&#39;&gt;&amp;&quot;&#96;&#61;&lt;/a&gt;")]
    [InlineData("a\u202Eb\u0001c\u200Fd\u2066e", "a[U+202E]b[U+0001]c[U+200F]d[U+2066]e")]
    [InlineData("tab\tnew\nline", "tab\tnew\nline")]
    [InlineData("日本語 ü", "日本語 ü")]
    public void Should_EscapeMarkupAndShowHiddenCharacters_When_HtmlEncoding(string text, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, Encode(new HtmlTextEncoder(), text));
    }

    [Theory]
    [InlineData("**bold** _i_ `c`", "\\*\\*bold\\*\\* \\_i\\_ \\`c\\`")]
    [InlineData("[x](http://e)", "\\[x\\]\\(http\\://e\\)")]
    [InlineData("# h | 1. + - ! {} ~ $m$ @u", "\\# h \\| 1\\. \\+ \\- \\! \\{\\} \\~ \\$m\\$ \\@u")]
    [InlineData("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("one\ntwo\r\nthree\u2028four", "one two  three four")]
    [InlineData("x\u202Ey\u0001", "x\\[U\\+202E\\]y\\[U\\+0001\\]")]
    public void Should_MakeTextInert_When_MarkdownEncoding(string text, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, Encode(new MarkdownTextEncoder(), text));
    }

    private static string Encode(StringTextEncoder encoder, string text)
    {
        using var writer = new StringWriter();
        encoder.Encode(text, writer);
        return writer.ToString();
    }
}
