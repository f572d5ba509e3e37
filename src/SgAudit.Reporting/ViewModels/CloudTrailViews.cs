using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Reporting.ViewModels;

/// <summary>Builds the CloudTrail views once per scan; findings look their group's attribution up by key.</summary>
internal sealed class CloudTrailViews
{
    /// <summary>
    /// Attributions by group id: the index of the first with that id, and for each the next with the same id (ids repeat
    /// across accounts and regions only in made-up models), so a finding's lookup hashes one string instead of a tuple of
    /// three, with no list per group.
    /// </summary>
    private readonly Dictionary<string, int> _firstById;

    private readonly int[] _nextWithSameId;

    private readonly ImmutableArray<GroupAttribution> _groups;

    private readonly ImmutableArray<AttributionView> _views;

    public CloudTrailViews(ScanResult result)
    {
        var cloudTrail = result.CloudTrail;
        var groups = _groups = cloudTrail.Attributions;
        _firstById = new Dictionary<string, int>(groups.Length, StringComparer.Ordinal);
        _nextWithSameId = new int[groups.Length];
        for (var i = groups.Length - 1; i >= 0; i--)
        {
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstById, groups[i].GroupId, out var exists);
            _nextWithSameId[i] = exists ? first : -1;
            first = i;
        }

        // Names only for the attributed groups: without attribution (most scans) the findings are not walked at all.
        var names = new string?[groups.Length];
        if (groups.Length > 0)
        {
            foreach (var finding in result.Findings)
            {
                if (IndexOf(finding) is var i and >= 0)
                {
                    names[i] ??= finding.ResourceName;
                }
            }
        }

        _views = [.. groups.Select((a, i) => Attribution(a, names[i] ?? "", cloudTrail.LookbackDays))];
        View = new CloudTrailView
        {
            Provided = !cloudTrail.Postures.IsEmpty,
            AttributionRan = cloudTrail.AttributionRan,
            LookbackDays = cloudTrail.LookbackDays,
            Trails = [.. cloudTrail.Postures.Select(Posture)],
            Attributions = _views,
            AttributionRows = Rows(groups, _views),
            Found = groups.Count(a => a.Status == AttributionStatus.Found),
            NoChange = groups.Count(a => a.Status == AttributionStatus.NoChangeInWindow),
            NotLookedUp = groups.Count(a => a.Status == AttributionStatus.NotLookedUp),
            NotAssessed = groups.Count(a => a.Status == AttributionStatus.NotAssessed),
        };
    }

    public CloudTrailView View { get; }

    /// <summary>The attribution of a finding's group; null for network ACLs and when attribution did not run.</summary>
    public AttributionView? For(Finding finding) => IndexOf(finding) is var i and >= 0 ? _views[i] : null;

    /// <summary>The index of the finding's group among the attributions, or -1.</summary>
    private int IndexOf(Finding finding)
    {
        if (finding.ResourceKind != ResourceKind.SecurityGroup || !_firstById.TryGetValue(finding.ResourceId, out var i))
        {
            return -1;
        }

        for (; i >= 0; i = _nextWithSameId[i])
        {
            var attribution = _groups[i];
            if (string.Equals(attribution.Region, finding.Region, StringComparison.Ordinal) && string.Equals(attribution.AccountId, finding.AccountId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Looked-up groups one row each; in each account and region, groups that were not looked up or not assessed for the
    /// same reason one row, where the first of them is, when there are two or more.
    /// </summary>
    private static ImmutableArray<AttributionRowView> Rows(ImmutableArray<GroupAttribution> groups, ImmutableArray<AttributionView> views)
    {
        var rows = ImmutableArray.CreateBuilder<AttributionRowView>();
        for (var start = 0; start < groups.Length;)
        {
            // One account and region: [start, end)
            var end = start + 1;
            while (end < groups.Length && string.Equals(groups[end].Region, groups[start].Region, StringComparison.Ordinal) && string.Equals(groups[end].AccountId, groups[start].AccountId, StringComparison.Ordinal))
            {
                end++;
            }

            var shared = new Dictionary<AttributionView, int>(AttributionChangeComparer.Instance);
            for (var i = start; i < end; i++)
            {
                if (SharesItsOutcome(groups[i]))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(shared, views[i], out _)++;
                }
            }

            var written = new HashSet<AttributionView>(AttributionChangeComparer.Instance);
            for (var i = start; i < end; i++)
            {
                var view = views[i];
                var count = SharesItsOutcome(groups[i]) ? shared[view] : 1;
                if (count == 1 || written.Add(view))
                {
                    rows.Add(new AttributionRowView
                    {
                        AccountId = view.AccountId,
                        Region = view.Region,
                        Status = view.Status,
                        Text = view.Text,
                        ErrorMessage = view.ErrorMessage,
                        Group = count == 1 ? view : null,
                        GroupCount = count,
                    });
                }
            }

            start = end;
        }

        return rows.ToImmutable();

        static bool SharesItsOutcome(GroupAttribution attribution) => attribution.Status is AttributionStatus.NotLookedUp or AttributionStatus.NotAssessed;
    }

    private static AttributionView Attribution(GroupAttribution attribution, string groupName, int lookbackDays)
    {
        var change = attribution.Change;
        var eventTime = change is null ? null : ReportText.Timestamp(change.EventTime);
        var (status, text) = attribution.Status switch
        {
            AttributionStatus.Found => ("found", $"last changed by {change!.Actor} at {eventTime} via {change.EventName}"),
            AttributionStatus.NoChangeInWindow => ("no-change", string.Create(CultureInfo.InvariantCulture, $"no change in the last {lookbackDays} days")),
            AttributionStatus.NotLookedUp => ("not-looked-up", "not looked up (per-region lookup limit reached)"),
            _ => ("not-assessed", $"attribution not assessed: {attribution.ErrorCode}"),
        };
        return new AttributionView
        {
            Status = status,
            Text = text,
            AccountId = attribution.AccountId,
            Region = attribution.Region,
            GroupId = attribution.GroupId,
            GroupName = groupName,
            Actor = change?.Actor,
            EventName = change?.EventName,
            EventTime = eventTime,
            SourceIp = change?.SourceIp,
            EventId = change?.EventId,
            ErrorCode = attribution.ErrorCode,
            ErrorMessage = attribution.ErrorMessage,
        };
    }

    private static TrailPostureView Posture(TrailPosture posture)
    {
        var trail = posture.TrailName;
        var (status, statusText, text) = posture.Status switch
        {
            TrailPostureStatus.Logging => ("logging", "Logging", $"multi-region trail {trail} (home region {posture.HomeRegion}) is logging management events"),
            TrailPostureStatus.NotLogging => ("not-logging", "Not logging", posture.Gap switch
            {
                TrailGap.NotMultiRegion => $"only single-region trails (such as {trail}); no multi-region trail",
                TrailGap.NotLogging => $"multi-region trail {trail} is not logging",
                TrailGap.ManagementEventsExcluded => $"multi-region trail {trail} does not log management write events",
                _ => "no trail in the scanned regions",
            }),
            _ => ("not-assessed", "Not assessed", $"trails not assessed: {posture.ErrorCode}"),
        };
        return new TrailPostureView
        {
            AccountId = posture.AccountId,
            Status = status,
            StatusText = statusText,
            Text = text,
            Gap = posture.Gap switch
            {
                TrailGap.NoTrail => "no-trail",
                TrailGap.NotMultiRegion => "not-multi-region",
                TrailGap.NotLogging => "not-logging",
                TrailGap.ManagementEventsExcluded => "management-events-excluded",
                _ => null,
            },
            TrailName = posture.TrailName,
            TrailArn = posture.TrailArn,
            HomeRegion = posture.HomeRegion,
            ErrorCode = posture.ErrorCode,
            ErrorMessage = posture.ErrorMessage,
        };
    }
}
