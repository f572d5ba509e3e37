using System.Xml;

namespace SgAudit.Emulator;

/// <summary>
/// Makes account data representable in XML 1.0. Markup characters need no help (the writer escapes them), but
/// control characters other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF cannot appear in an XML 1.0
/// document at all, not even as character references, and one such tag value would make the whole response
/// unparseable for every client. They become U+FFFD. (AWS itself rejects them in tags and descriptions.)
/// </summary>
internal static class XmlSafeText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string text)
    {
        var firstInvalid = FindInvalid(text, 0);
        if (firstInvalid < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = firstInvalid; i >= 0; i = FindInvalid(text, i + 1))
        {
            chars[i] = Replacement;
        }

        return new string(chars);
    }

    private static int FindInvalid(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
