using System.Collections.Immutable;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Model;

namespace SgAudit.Collectors.CloudTrail;

/// <summary>
/// What a scan adds from CloudTrail once its rules ran: trail posture for every account with CloudTrail, and, unless
/// turned off, who last changed each failing security group. Informational: no gate or exit code depends on it.
/// </summary>
public static class CloudTrailAssessment
{
    /// <summary>Trail posture, then (when <paramref name="attribution"/>) the failing groups' last changes.</summary>
    /// <param name="cloudTrail">The accounts with a CloudTrail API.</param>
    /// <param name="inventory">What was scanned (the regions whose trails are listed).</param>
    /// <param name="findings">The scan's findings (their failing groups are attributed).</param>
    /// <param name="attribution">False for --no-attribution: posture only.</param>
    /// <param name="time">The scan's clock (the lookback window ends now).</param>
    /// <param name="cancellationToken">Stops the lookups.</param>
    public static async Task<CloudTrailResult> CollectAsync(
        ImmutableArray<CloudTrailTarget> cloudTrail, Inventory inventory, IEnumerable<Finding> findings, bool attribution, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = new AttributionOptions();
        var postures = await new TrailPostureCollector().CollectAsync(cloudTrail, inventory, cancellationToken);
        var attributions = attribution
            ? await new ChangeAttributionCollector(options, time).CollectAsync(cloudTrail, findings, cancellationToken)
            : [];
        return new CloudTrailResult { Postures = postures, Attributions = attributions, AttributionRan = attribution, LookbackDays = options.LookbackDays };
    }
}
