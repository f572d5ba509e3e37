using System.Text.Json;
using System.Xml;

namespace SgAudit.Aws.Http;

/// <summary>
/// Whether a success body is complete. A connection that closes early can leave a body that HTTP accepts but that
/// ends mid-document; read as far as it goes it would look like a short page, so it is retried instead.
/// </summary>
internal static class ResponseBodyCheck
{
    public static bool IsComplete(byte[] body, ResponseFormat format) =>
        format == ResponseFormat.Json ? IsCompleteJson(body) : IsCompleteXml(body);

    private static bool IsCompleteXml(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), XmlSafety.ReaderSettings);
            while (reader.Read())
            {
                // Reading to the end raises XmlException on an unclosed element or a cut-off token.
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool IsCompleteJson(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read())
            {
                // Reading to the end raises JsonException on an unclosed object or a cut-off token.
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
