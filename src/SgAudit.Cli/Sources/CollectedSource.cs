using System.Collections.Immutable;
using SgAudit.Collectors.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;

namespace SgAudit.Cli.Sources;

/// <summary>
/// What a scan keeps of its source once collection is done: the inventory, the CloudTrail APIs for trail posture and
/// attribution after the rules, and the connections those need. It deliberately holds no EC2 API (which would keep
/// a model's shapes alive); dispose it when the scan ends.
/// </summary>
public sealed class CollectedSource(Inventory inventory, ScanInputs inputs, ImmutableArray<CloudTrailTarget> cloudTrail, IAsyncDisposable? resources) : IAsyncDisposable
{
    public Inventory Inventory { get; } = inventory;
    public ScanInputs Inputs { get; } = inputs;
    public ImmutableArray<CloudTrailTarget> CloudTrail { get; } = cloudTrail;

    /// <summary>Reads the requests made so far per operation (live sources only).</summary>
    public Func<IReadOnlyDictionary<string, long>>? ApiCalls { get; init; }

    public ValueTask DisposeAsync() => resources?.DisposeAsync() ?? ValueTask.CompletedTask;
}
