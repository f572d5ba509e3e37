using SgAudit.Core.Baselines;
using SgAudit.Core.Model;
using SgAudit.Core.Suppressions;
using SgAudit.Reporting.ViewModels;
using SgAudit.Tests.Suppressions;

namespace SgAudit.Tests.Reporting;

public sealed class TopFindingsTests
{
    [Fact]
    public void Should_ListNewThenMostSevereFirstInFindingOrder_When_ChoosingTheTopFindings()
    {
        // Given 140 findings with mixed severities, baseline states and suppressions
        var large = ReportTestData.CreateLarge(20);
        var suppression = SuppressionTestFindings.Config(new ResourceSelector(), 3, "SGA001");
        var findings = large.Findings.Select((f, i) => f with
        {
            Severity = (Severity)((i * 7) % 5),
            Baseline = i % 3 == 0 ? BaselineState.Unchanged : BaselineState.New,
            Suppression = i % 4 == 0 ? suppression : null,
        }).ToList();
        var result = large with { Evaluation = large.Evaluation with { Findings = [.. findings] } };

        // When the view model is built
        var model = new ReportViewModelBuilder().Build(result);

        // Then the top findings are the 20 unsuppressed ones a stable sort by (unchanged, severity descending) puts first,
        // and the top suppressed ones the same among the suppressed
        static List<int> Expected(List<Core.Engine.Finding> all, bool suppressed) => [.. all
            .Select((f, i) => (Finding: f, Index: i))
            .Where(p => (p.Finding.Suppression is not null) == suppressed)
            .OrderBy(p => p.Finding.Baseline == BaselineState.Unchanged)
            .ThenByDescending(p => p.Finding.Severity)
            .Take(20)
            .Select(p => p.Index)];
        Assert.Equal(140, findings.Count);
        Assert.Equal(Expected(findings, suppressed: false), model.TopFindings.Select(v => model.Findings.IndexOf(v)));
        Assert.Equal(Expected(findings, suppressed: true), model.TopSuppressedFindings.Select(v => model.Findings.IndexOf(v)));
        Assert.Equal(
            [.. Enum.GetValues<Severity>().Reverse().Select(s => findings.Count(f => f.Severity == s))],
            model.Severities.Select(s => s.Count));
    }
}
