using System.Text.Json;

namespace SgAudit.Emulator;

/// <summary>Error bodies in each protocol's own format, as botocore and the AWS SDKs parse them.</summary>
internal static class ErrorResponses
{
    public const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>EC2: <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestID/&gt;</c>, no namespace.</summary>
    public static EmulatorResponse Ec2(int status, string code, string message, string requestId)
    {
        using var xml = new QueryXmlWriter();
        xml.StartRoot("Response", xmlNamespace: null);
        xml.Start("Errors");
        xml.Start("Error");
        xml.Text("Code", code);
        xml.Text("Message", message);
        xml.End();
        xml.End();
        xml.Text("RequestID", requestId);
        return new EmulatorResponse(status, EmulatorResponse.XmlContentType, xml.Finish());
    }

    /// <summary>STS: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static EmulatorResponse Sts(int status, string code, string message, string requestId)
    {
        using var xml = new QueryXmlWriter();
        xml.StartRoot("ErrorResponse", StsNamespace);
        xml.Start("Error");
        xml.Text("Type", status >= 500 ? "Receiver" : "Sender");
        xml.Text("Code", code);
        xml.Text("Message", message);
        xml.End();
        xml.Text("RequestId", requestId);
        return new EmulatorResponse(status, EmulatorResponse.XmlContentType, xml.Finish());
    }

    /// <summary>CloudTrail (JSON 1.1): <c>{"__type":"Code","message":"…"}</c>, HTTP 400 for every client error and throttling.</summary>
    public static EmulatorResponse CloudTrail(string code, string message, int status = 400)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("__type", code);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        return new EmulatorResponse(status, EmulatorResponse.JsonContentType, buffer.ToArray());
    }
}
