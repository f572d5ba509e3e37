using System.Globalization;
using System.Xml;

namespace SgAudit.Aws.Ec2;

/// <summary>
/// Forward-only helpers over <see cref="XmlReader"/> that match elements by local name only: moto's namespace is
/// <c>http://ec2.amazonaws.com/doc/2016-11-15</c>, real EC2's the same with a trailing slash. Every helper starts
/// on an element's start tag and leaves the reader just after that element's end.
/// </summary>
internal static class XmlElementReader
{
    /// <summary>
    /// Calls <paramref name="readChild"/> for each child element, positioned on its start tag. The callback reads the
    /// child completely and returns true, or returns false and the child is skipped (unknown elements are ignored).
    /// </summary>
    public static void ReadChildren(XmlReader reader, Func<string, bool> readChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read(); // <groups/>: an empty list
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (!readChild(reader.LocalName))
                {
                    reader.Skip();
                }
            }
            else if (!reader.Read())
            {
                throw new XmlException("The document ended inside an element.");
            }
        }

        reader.Read(); // past the end tag
    }

    /// <summary>Reads <c>&lt;xxxSet&gt;&lt;item&gt;…&lt;/item&gt;…&lt;/xxxSet&gt;</c> into a list; other children are skipped.</summary>
    public static List<T> ReadItems<T>(XmlReader reader, Func<XmlReader, T> readItem)
    {
        var items = new List<T>();
        ReadChildren(reader, name =>
        {
            if (name != "item")
            {
                return false;
            }

            items.Add(readItem(reader));
            return true;
        });
        return items;
    }

    /// <summary>Reads an element whose children are simple fields: <paramref name="readField"/> gets each name and text.</summary>
    public static T ReadObject<T>(XmlReader reader, T target, Func<XmlReader, T, string, bool> readField)
    {
        ReadChildren(reader, name => readField(reader, target, name));
        return target;
    }

    public static string Text(XmlReader reader) => reader.ReadElementContentAsString();

    public static int Int(XmlReader reader)
    {
        var text = reader.ReadElementContentAsString().Trim();
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new XmlException($"'{Shorten(text)}' is not a whole number.");
    }

    public static bool Bool(XmlReader reader)
    {
        var text = reader.ReadElementContentAsString().Trim();
        return text switch
        {
            "true" or "True" or "1" => true,
            "false" or "False" or "0" => false,
            _ => throw new XmlException($"'{Shorten(text)}' is not true or false."),
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
