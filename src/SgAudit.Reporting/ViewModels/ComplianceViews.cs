using System.Collections.Immutable;
using SgAudit.Core.Compliance;

namespace SgAudit.Reporting.ViewModels;

/// <summary>Control results as frameworks and controls for the reports and `sgaudit compliance`, with the status words they use.</summary>
public static class ComplianceViews
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotAssessed = "not-assessed";

    public static bool IsStatus(string status) => status is Pass or Fail or NotAssessed;

    /// <summary>"Pass", "Fail" or "Not assessed".</summary>
    /// <param name="status">pass, fail or not-assessed.</param>
    public static string StatusText(string status) => status switch
    {
        Pass => "Pass",
        Fail => "Fail",
        _ => "Not assessed",
    };

    /// <summary>One view per framework version, in catalogue order, each with its controls in file order.</summary>
    /// <param name="controls">Every control's result, grouped by framework as the engine produces them.</param>
    public static ImmutableArray<FrameworkView> Frameworks(ImmutableArray<ControlResult> controls) =>
    [
        .. controls
            .GroupBy(c => c.Framework.Id, StringComparer.Ordinal)
            .Select(group =>
            {
                var framework = group.First().Framework;
                var views = group.Select(Control).ToImmutableArray();
                return new FrameworkView
                {
                    Id = framework.Id,
                    Name = framework.Name,
                    Version = framework.Version,
                    ShortName = framework.ShortName,
                    Source = framework.Source,
                    Passed = views.Count(c => c.Status == Pass),
                    Failed = views.Count(c => c.Status == Fail),
                    NotAssessed = views.Count(c => c.Status == NotAssessed),
                    Controls = views,
                };
            }),
    ];

    private static ControlView Control(ControlResult control)
    {
        var status = control.Status switch
        {
            ComplianceStatus.Pass => Pass,
            ComplianceStatus.Fail => Fail,
            _ => NotAssessed,
        };
        return new ControlView
        {
            Id = control.Control.Id,
            Label = control.Label,
            Title = control.Control.Title,
            Status = status,
            StatusText = StatusText(status),
            FailingResources = control.FailingResources,
            RuleIds = control.RuleIds,
            Reason = control.Reason,
            Notes = control.Control.Notes,
        };
    }
}
