using System.Text;
using HandlebarsDotNet;

namespace SgAudit.Reporting.TextEncoders;

/// <summary>Funnels Handlebars' three encode entry points into one string-based method, so each encoder has one code path.</summary>
internal abstract class StringTextEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        if (text is null)
        {
            return;
        }

        var builder = new StringBuilder();
        while (text.MoveNext())
        {
            builder.Append(text.Current);
        }

        Encode(builder.ToString(), target);
    }

    public void Encode(string? text, TextWriter target)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Copy runs of characters that need no escaping in one call; most account strings need none.
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                // A lone surrogate cannot be written as UTF-8; show the replacement character instead.
                target.Write(text.AsSpan(start, i - start));
                target.Write(UnsafeCharacters.ReplacementCharacter);
                start = i + 1;
                continue;
            }

            var replacement = Replace(c);
            if (replacement is null)
            {
                continue;
            }

            target.Write(text.AsSpan(start, i - start));
            target.Write(replacement);
            start = i + 1;
        }

        target.Write(text.AsSpan(start));
    }

    /// <summary>The text to write instead of <paramref name="c"/>, or null to write it unchanged.</summary>
    protected abstract string? Replace(char c);
}
