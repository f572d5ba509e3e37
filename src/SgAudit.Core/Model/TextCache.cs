using System.Collections.Concurrent;

namespace SgAudit.Core.Model;

/// <summary>
/// Shares the text of values that repeat across a scan (port ranges, permission descriptions): a large account has
/// a million permissions but a few hundred distinct ones, and each finding would otherwise format its own copy.
/// Bounded, so an adversarial input with every possible range costs formatting time, never unbounded memory.
/// </summary>
internal sealed class TextCache<TKey>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, string> _texts = new();

    public string GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, string> format)
    {
        if (_texts.TryGetValue(key, out var text))
        {
            return text;
        }

        text = format(key, state);
        if (_texts.Count < capacity)
        {
            _texts.TryAdd(key, text);
        }

        return text;
    }
}
