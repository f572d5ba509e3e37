using System.Buffers;
using System.Text;
using HandlebarsDotNet;

namespace SgAudit.Reporting.TextEncoders;

/// <summary>Funnels Handlebars' three encode entry points into one string-based method, so each encoder has one code path.</summary>
internal abstract class StringTextEncoder : ITextEncoder
{
    private SearchValues<char>? _special;

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

        // Jump between the characters that need attention with a vectorised search and copy the runs between them
        // in one call; most account strings need none (the reports encode millions of values).
        var special = Special;
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny(special);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i += 2;
                    continue;
                }

                // A lone surrogate cannot be written as UTF-8; show the replacement character instead.
                target.Write(text.AsSpan(start, i - start));
                target.Write(UnsafeCharacters.ReplacementCharacter);
                start = ++i;
                continue;
            }

            var replacement = Replace(c);
            if (replacement is null)
            {
                i++;
                continue;
            }

            target.Write(text.AsSpan(start, i - start));
            target.Write(replacement);
            start = ++i;
        }

        target.Write(text.AsSpan(start));
    }

    /// <summary>Every character <see cref="Replace"/> changes, and the surrogates; computed once per encoder.</summary>
    private SearchValues<char> Special => _special ??= CreateSpecial();

    private SearchValues<char> CreateSpecial()
    {
        var characters = new List<char>();
        for (var c = char.MinValue; ; c++)
        {
            if (char.IsSurrogate(c) || Replace(c) is not null)
            {
                characters.Add(c);
            }

            if (c == char.MaxValue)
            {
                break;
            }
        }

        return SearchValues.Create([.. characters]);
    }

    /// <summary>The text to write instead of <paramref name="c"/>, or null to write it unchanged.</summary>
    protected abstract string? Replace(char c);
}
