using System.Collections.Concurrent;
using System.Globalization;
using SgAudit.Collectors;
using Spectre.Console;

namespace SgAudit.Cli.Console;

/// <summary>Progress on an interactive terminal: one bar per account, advancing as its regions are read.</summary>
internal sealed class LiveProgressDisplay(ProgressContext context) : ICollectionProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public void AccountStarted(string accountId, int regionCount) =>
        _accounts[accountId] = context.AddTask(Markup.Escape(accountId), maxValue: Math.Max(1, regionCount));

    public void RegionStarted(string accountId, string region)
    {
        if (_accounts.TryGetValue(accountId, out var task))
        {
            task.Description = Markup.Escape($"{accountId} {region}");
        }
    }

    public void RegionCompleted(string accountId, string region, int securityGroups, int networkInterfaces) => Advance(accountId);

    public void ScopeFailed(string accountId, string? region, string errorCode)
    {
        var count = _failures.AddOrUpdate(accountId, 1, (_, n) => n + 1);
        var task = _accounts.GetOrAdd(accountId, id => context.AddTask(Markup.Escape(id), maxValue: 1));
        task.Description = $"{Markup.Escape(accountId)} [red]{count.ToString(CultureInfo.InvariantCulture)} not assessed ({Markup.Escape(errorCode)})[/]";
        if (region is null)
        {
            task.Value = task.MaxValue;
        }
        else
        {
            task.Increment(1);
        }
    }

    private void Advance(string accountId)
    {
        if (_accounts.TryGetValue(accountId, out var task))
        {
            task.Increment(1);
            if (task.IsFinished && !_failures.ContainsKey(accountId))
            {
                task.Description = Markup.Escape(accountId);
            }
        }
    }
}
