using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core.CloudTrail;
using SgAudit.Core.Engine;
using SgAudit.Core.Rules;

namespace SgAudit.Reporting.ViewModels;

/// <summary>Builds the CloudTrail views once per scan; findings look their group's attribution up by key.</summary>
internal sealed class CloudTrailViews
{
    private readonly Dictionary<(string AccountId, string Region, string GroupId), AttributionView> _byGroup;

    public CloudTrailViews(ScanResult result)
    {
        var cloudTrail = result.CloudTrail;
        // Names only for the attributed groups: without attribution (most scans) the findings are not walked at all.
        var names = new Dictionary<(string, string, string), string?>();
        foreach (var attribution in cloudTrail.Attributions)
        {
            names.TryAdd((attribution.AccountId, attribution.Region, attribution.GroupId), null);
        }

        if (names.Count > 0)
        {
            foreach (var finding in result.Findings)
            {
                if (finding.ResourceKind == ResourceKind.SecurityGroup && names.TryGetValue((finding.AccountId, finding.Region, finding.ResourceId), out var name) && name is null)
                {
                    names[(finding.AccountId, finding.Region, finding.ResourceId)] = finding.ResourceName;
                }
            }
        }

        var attributions = cloudTrail.Attributions
            .Select(a => Attribution(a, names.GetValueOrDefault((a.AccountId, a.Region, a.GroupId)) ?? "", cloudTrail.LookbackDays))
            .ToImmutableArray();
        _byGroup = attributions.ToDictionary(a => (a.AccountId, a.Region, a.GroupId));
        View = new CloudTrailView
        {
            Provided = !cloudTrail.Postures.IsEmpty,
            AttributionRan = cloudTrail.AttributionRan,
            LookbackDays = cloudTrail.LookbackDays,
            Trails = [.. cloudTrail.Postures.Select(Posture)],
            Attributions = attributions,
            Found = cloudTrail.Attributions.Count(a => a.Status == AttributionStatus.Found),
            NoChange = cloudTrail.Attributions.Count(a => a.Status == AttributionStatus.NoChangeInWindow),
            NotLookedUp = cloudTrail.Attributions.Count(a => a.Status == AttributionStatus.NotLookedUp),
            NotAssessed = cloudTrail.Attributions.Count(a => a.Status == AttributionStatus.NotAssessed),
        };
    }

    public CloudTrailView View { get; }

    /// <summary>The attribution of a finding's group; null for network ACLs and when attribution did not run.</summary>
    public AttributionView? For(Finding finding) =>
        finding.ResourceKind == ResourceKind.SecurityGroup && _byGroup.Count > 0 ? _byGroup.GetValueOrDefault((finding.AccountId, finding.Region, finding.ResourceId)) : null;

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
