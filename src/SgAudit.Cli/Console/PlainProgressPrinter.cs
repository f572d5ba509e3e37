using System.Globalization;
using SgAudit.Collectors;

namespace SgAudit.Cli.Console;

/// <summary>Progress as plain lines, for logs: CI, or stderr redirected to a file.</summary>
internal sealed class PlainProgressPrinter(TextWriter error) : ICollectionProgress
{
    private readonly Lock _gate = new();

    public void AccountStarted(string accountId, int regionCount) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"account {accountId}: reading {regionCount} region(s)"));

    public void RegionStarted(string accountId, string region)
    {
        // One line per finished region is enough for a log; a start line would double its length.
    }

    public void RegionCompleted(string accountId, string region, int securityGroups, int networkInterfaces) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"account {accountId} {region}: {securityGroups} security group(s), {networkInterfaces} network interface(s)"));

    public void ScopeFailed(string accountId, string? region, string errorCode) =>
        Line($"account {accountId}{(region is null ? "" : " " + region)}: NOT ASSESSED ({errorCode})");

    private void Line(string text)
    {
        lock (_gate)
        {
            error.WriteLine($"sgaudit: {text}");
        }
    }
}
