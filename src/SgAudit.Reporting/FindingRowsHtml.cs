using System.Collections.Immutable;
using System.Globalization;
using HandlebarsDotNet;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting;

/// <summary>
/// The <c>{{findingRowsHtml findingRows suppressedCount}}</c> helper: the rows of the HTML findings table, one
/// <c>&lt;tr&gt;</c> per finding, separated by line breaks. A scan of 100,000s of findings spent most of the HTML
/// report's time resolving the row partial's fifteen paths per row through Handlebars; the markup is fixed, so it is
/// written here, with every account value still going through the report's HTML encoder. A template set can render
/// the rows itself instead with <c>{{#each findingRows}}</c> (each item has <c>finding</c> and <c>group</c>).
/// </summary>
internal static class FindingRowsHtml
{
    public const string HelperName = "findingRowsHtml";

    /// <summary>Writes the rows; the Status column appears when <paramref name="suppressedCount"/> is not zero, as in the table's header.</summary>
    /// <param name="output">The template's output; <c>Write(value, true)</c> encodes account data.</param>
    /// <param name="rows">The findings with the numbers of their resources' cards.</param>
    /// <param name="suppressedCount">How many findings the scan suppressed.</param>
    public static void Write(in EncodedTextWriter output, ImmutableArray<FindingRowView> rows, int suppressedCount)
    {
        var statusColumn = suppressedCount != 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0)
            {
                output.Write("\n", false);
            }

            WriteRow(output, rows[i], statusColumn);
        }
    }

    /// <summary>Reads the helper's arguments: the rows and the suppressed-finding count.</summary>
    /// <param name="output">The template's output.</param>
    /// <param name="arguments">The helper's arguments as the template passes them.</param>
    public static void Write(in EncodedTextWriter output, in Arguments arguments)
    {
        if (arguments.Length != 2 || arguments[0] is not ImmutableArray<FindingRowView> rows || arguments[1] is not int suppressedCount)
        {
            throw new HandlebarsException($"{{{{{HelperName}}}}} takes the findingRows list and the suppressed-finding count, e.g. {{{{{HelperName} findingRows suppressionSummary.suppressedFindings}}}}");
        }

        Write(output, rows, suppressedCount);
    }

    private static void WriteRow(in EncodedTextWriter output, FindingRowView row, bool statusColumn)
    {
        var finding = row.Finding;
        var group = row.Group == 0 ? null : row.Group.ToString(CultureInfo.InvariantCulture);
        output.Write("<tr data-g=\"", false);
        output.Write(row.Group.ToString(CultureInfo.InvariantCulture), false);
        output.Write(finding.Suppression is null ? "\"><td class=\"sev-" : "\" class=\"suppressed\"><td class=\"sev-", false);
        output.Write(finding.Severity, true);
        output.Write("\">", false);
        output.Write(finding.Severity, true);
        output.Write("</td><td>", false);
        output.Write(finding.RuleId, true);
        output.Write("</td><td>", false);
        output.Write(finding.AccountId, true);
        output.Write("</td><td>", false);
        output.Write(finding.Region, true);
        output.Write("</td><td>", false);
        output.Write(string.IsNullOrEmpty(finding.VpcId) ? "none" : finding.VpcId, true);
        output.Write("</td><td class=\"resource\">", false);
        if (group is not null)
        {
            output.Write("<a href=\"#g-", false);
            output.Write(group, false);
            output.Write("\">", false);
            output.Write(finding.ResourceId, true);
            output.Write("</a>", false);
        }
        else
        {
            output.Write("<span class=\"rid\">", false);
            output.Write(finding.ResourceId, true);
            output.Write("</span>", false);
        }

        output.Write("<span class=\"name\">", false);
        output.Write(finding.ResourceName, true);
        output.Write("</span></td><td>", false);
        if (!string.IsNullOrEmpty(finding.Direction))
        {
            output.Write("<span class=\"direction\">", false);
            output.Write(finding.Direction, true);
            output.Write("</span> ", false);
        }

        output.Write(finding.Permission, true);
        output.Write("</td><td>", false);
        output.Write(finding.Source, true);
        output.Write("</td><td>", false);
        output.Write(finding.Detail, true);
        output.Write("</td>", false);
        if (statusColumn)
        {
            if (finding.Suppression is { } suppression)
            {
                output.Write("<td><a class=\"supp\" href=\"#supp-", false);
                output.Write(suppression.Index.ToString(CultureInfo.InvariantCulture), false);
                output.Write("\" title=\"", false);
                output.Write(suppression.Reason, true);
                output.Write(" (", false);
                output.Write(suppression.Source, true);
                if (!string.IsNullOrEmpty(suppression.Until))
                {
                    output.Write(", until ", false);
                    output.Write(suppression.Until, true);
                }

                output.Write(")\">suppressed</a></td>", false);
            }
            else
            {
                output.Write("<td>open</td>", false);
            }
        }

        if (!string.IsNullOrEmpty(finding.Baseline))
        {
            output.Write("<td class=\"baseline baseline-", false);
            output.Write(finding.Baseline, true);
            output.Write("\">", false);
            output.Write(finding.BaselineText ?? "", true);
            output.Write("</td>", false);
        }

        output.Write("</tr>", false);
    }
}
