using System.Globalization;
using System.Text;
using System.Xml;

namespace SgAudit.Emulator;

/// <summary>
/// Writes a Query-protocol (EC2, STS) XML document: elements named as in the botocore model, absent values left
/// out, lists as <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/name&gt;</c> (an empty list as <c>&lt;name/&gt;</c>).
/// Every text goes through <see cref="XmlSafeText"/>; the writer escapes markup.
/// </summary>
internal sealed class QueryXmlWriter : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // CR would otherwise be read back as LF by every conforming parser.
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _writer;

    public QueryXmlWriter() => _writer = XmlWriter.Create(_buffer, Settings);

    /// <summary>Starts the document's root; children inherit its namespace.</summary>
    public void StartRoot(string name, string? xmlNamespace)
    {
        _writer.WriteStartDocument();
        _writer.WriteStartElement(name, xmlNamespace ?? string.Empty);
    }

    public void Start(string name) => _writer.WriteStartElement(name);

    public void End() => _writer.WriteEndElement();

    public void Text(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteElementString(name, XmlSafeText.Clean(value));
        }
    }

    public void Number(string name, int? value) => Text(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Boolean(string name, bool? value) => Text(name, value switch { true => "true", false => "false", null => null });

    public void Structure<T>(string name, T? value, Action<QueryXmlWriter, T> writeMembers)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        Start(name);
        writeMembers(this, value);
        End();
    }

    public void List<T>(string name, IEnumerable<T>? items, Action<QueryXmlWriter, T> writeMembers)
    {
        if (items is null)
        {
            return;
        }

        Start(name);
        foreach (var item in items)
        {
            Start("item");
            if (item is not null)
            {
                writeMembers(this, item);
            }

            End();
        }

        End();
    }

    /// <summary>Closes every open element and returns the UTF-8 document.</summary>
    public byte[] Finish()
    {
        _writer.WriteEndDocument();
        _writer.Flush();
        return _buffer.ToArray();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }
}
