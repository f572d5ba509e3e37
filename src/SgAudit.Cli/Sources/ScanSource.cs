using System.Collections.Immutable;
using SgAudit.Collectors;
using SgAudit.Collectors.Models;
using SgAudit.Core.Engine;

namespace SgAudit.Cli.Sources;

/// <summary>
/// The accounts a scan reads, what to call the source in reports, and (for a model) where each shape came from so
/// a bad one becomes an input error naming the file and line. Disposing releases the live clients.
/// </summary>
public sealed class ScanSource(ImmutableArray<AccountTarget> accounts, ScanInputs inputs, IModelOrigin? origin, IAsyncDisposable? resources = null) : IAsyncDisposable
{
    public ImmutableArray<AccountTarget> Accounts { get; } = accounts;
    public ScanInputs Inputs { get; } = inputs;

    /// <summary>Set for a model: its shapes are user input, and a bad one is an input error (exit 2), not a service fault.</summary>
    public IModelOrigin? Origin { get; } = origin;

    /// <summary>Reads the requests made so far per operation (live sources only).</summary>
    public Func<IReadOnlyDictionary<string, long>>? ApiCalls { get; init; }

    /// <summary>The live clients' connections (null for a model): CloudTrail still needs them after collection.</summary>
    public IAsyncDisposable? Resources { get; } = resources;

    public ValueTask DisposeAsync() => Resources?.DisposeAsync() ?? ValueTask.CompletedTask;
}
