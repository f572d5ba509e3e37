using System.Text;
using SgAudit.Core.Engine;
using SgAudit.Reporting;

namespace SgAudit.Tests.Reporting;

/// <summary>Renders a report to a string, failing if the bytes are not valid UTF-8.</summary>
internal static class ReportRendering
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> RenderAsync(IReportWriter writer, ScanResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream, CancellationToken.None);
        var bytes = stream.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{writer.FileName} starts with a byte-order mark");
        return StrictUtf8.GetString(bytes);
    }
}
