namespace SgAudit.Emulator;

/// <summary>A complete answer: HTTP status, content type and body.</summary>
internal sealed record EmulatorResponse(int StatusCode, string ContentType, byte[] Body)
{
    public const string XmlContentType = "text/xml;charset=UTF-8";
    public const string JsonContentType = "application/x-amz-json-1.1";
}
