using System.Text;
using System.Xml;

namespace SgAudit.Reporting.TextEncoders;

/// <summary>
/// Makes account data fit for an XML 1.0 report that people read in a CI's test view. Markup characters need no help
/// (<see cref="XmlWriter"/> escapes them), but control characters other than tab, LF and CR cannot appear in XML 1.0
/// at all, not even as character references, so one such tag value would make the writer throw or the file
/// unparseable. Hidden characters (controls, bidirectional overrides) are shown as "[U+XXXX]", as in the other
/// human-facing reports; anything else XML cannot carry (lone surrogates, U+FFFE, U+FFFF) becomes U+FFFD.
/// </summary>
internal static class XmlReportText
{
    public static string Clean(string text)
    {
        var first = FindUnsafe(text);
        if (first < 0)
        {
            return text; // the common case: no copy
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        var i = first;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (UnsafeCharacters.IsHidden(c))
            {
                builder.Append(UnsafeCharacters.Marker(c));
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) ? c : UnsafeCharacters.ReplacementCharacter);
            }

            i++;
        }

        return builder.ToString();
    }

    private static int FindUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c) || UnsafeCharacters.IsHidden(c))
            {
                return i;
            }
        }

        return -1;
    }
}
