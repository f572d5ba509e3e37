using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using SgAudit.Collectors;

namespace SgAudit.Aws.Http;

/// <summary>
/// Reads the error out of a failed answer. EC2 sends <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;</c>, STS and
/// moto's auth layer <c>&lt;ErrorResponse&gt;…&lt;Error&gt;&lt;Code&gt;</c>, CloudTrail <c>{"__type": "ns#Code:…", "message"}</c>
/// and the header x-amzn-ErrorType. A body that is none of these (moto's HTML 500 page, a proxy's text) gives a code
/// from the HTTP status; the body itself is never quoted, so nothing a server echoes ends up in a message.
/// </summary>
internal static class AwsErrorParser
{
    public static AwsError Parse(HttpStatusCode status, HttpResponseHeaders headers, byte[] body, ResponseFormat format)
    {
        var parsed = format == ResponseFormat.Json ? TryParseJson(body) : TryParseXml(body);
        parsed ??= format == ResponseFormat.Json ? TryParseXml(body) : TryParseJson(body); // CloudTrail behind moto's auth layer answers XML
        if (parsed is null && headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            var code = NormalizeCode(types.FirstOrDefault());
            parsed = code.Length > 0 ? new AwsError(code, "") : null;
        }

        return parsed ?? new AwsError(CodeForStatus(status), "");
    }

    public static AwsApiException ToException(HttpStatusCode status, HttpResponseHeaders headers, byte[] body, ResponseFormat format, string operation, string region)
    {
        var error = Parse(status, headers, body, format);
        var message = error.Message.Length > 0
            ? error.Message
            : string.Create(CultureInfo.InvariantCulture, $"{operation} in {region} answered HTTP {(int)status} without an AWS error message.");
        return new AwsApiException(error.Code, message, (int)status);
    }

    /// <summary>"com.amazonaws.cloudtrail#ThrottlingException:http://…" → "ThrottlingException".</summary>
    public static string NormalizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        var code = raw.Trim();
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? code[..colon] : code).Trim();
    }

    public static string CodeForStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.InternalServerError => "InternalError",
        HttpStatusCode.BadGateway => "BadGateway",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.GatewayTimeout => "GatewayTimeout",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "AccessDenied",
        HttpStatusCode.NotFound => "NotFound",
        _ => string.Create(CultureInfo.InvariantCulture, $"Http{(int)status}"),
    };

    private static AwsError? TryParseXml(byte[] body)
    {
        if (!LooksLike(body, '<'))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), XmlSafety.ReaderSettings);
            string? code = null;
            string? message = null;
            var errorDepth = -1;
            var more = reader.Read();
            while (more)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Error" && errorDepth < 0)
                {
                    errorDepth = reader.Depth;
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == errorDepth)
                {
                    break; // the first error is the one to report
                }
                else if (errorDepth >= 0 && reader.NodeType == XmlNodeType.Element && reader.Depth == errorDepth + 1 && reader.LocalName is ("Code" or "Message"))
                {
                    var isCode = reader.LocalName == "Code";
                    var text = reader.ReadElementContentAsString(); // leaves the reader on the next node
                    (code, message) = isCode ? (text, message) : (code, text);
                    more = !reader.EOF;
                    continue;
                }

                more = reader.Read();
            }

            return string.IsNullOrWhiteSpace(code) ? null : new AwsError(code.Trim(), message?.Trim() ?? "");
        }
        catch (XmlException)
        {
            return null; // an HTML page or a cut-off body: fall back to the status
        }
    }

    private static AwsError? TryParseJson(byte[] body)
    {
        if (!LooksLike(body, '{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? type = null;
            string? message = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (property.NameEquals("__type") || (type is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                {
                    type = property.Value.GetString();
                }
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                {
                    message = property.Value.GetString();
                }
            }

            var code = NormalizeCode(type);
            return code.Length == 0 ? null : new AwsError(code, message?.Trim() ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool LooksLike(byte[] body, char first)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue; // whitespace and a UTF-8 byte order mark
            }

            return b == (byte)first;
        }

        return false;
    }
}
