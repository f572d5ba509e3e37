using System.Net;
using System.Xml.Linq;

namespace SgAudit.Tests.EmulatorServer;

/// <summary>A Query-protocol answer: status, parsed XML root, the x-amzn-RequestId header and the raw body.</summary>
internal sealed record QueryAnswer(HttpStatusCode Status, XElement Root, string? RequestIdHeader, string Body)
{
    /// <summary>The error code of an EC2 (Response/Errors/Error) or STS (ErrorResponse/Error) error body.</summary>
    public string? ErrorCode => Root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
}
