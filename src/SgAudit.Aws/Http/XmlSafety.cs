using System.Xml;

namespace SgAudit.Aws.Http;

/// <summary>Reader settings for service answers: no DTDs or external entities, comments and whitespace skipped.</summary>
internal static class XmlSafety
{
    public static XmlReaderSettings ReaderSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };
}
