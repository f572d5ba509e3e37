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
/// the rows itself instead with <c>{{#each findingRows}}</c> (each item has <c>finding</c> and <c>group</c>). The
/// rows come in table bodies of <see cref="RowsPerBody"/>.
/// </summary>
internal static class FindingRowsHtml
{
    public const string HelperName = "findingRowsHtml";

    /// <summary>
    /// Rows per table body: the helper closes the template's <c>&lt;tbody&gt;</c> and opens another after this many
    /// rows. With script the report hides every body but the page's, so the browser computes styles for a few hundred
    /// bodies instead of every row: at 367,988 rows, parsing ended after 15 s instead of 26 s (headless Chromium).
    /// </summary>
    public const int RowsPerBody = 1_000;

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
                output.Write(i % RowsPerBody == 0 ? "\n</tbody>\n<tbody>\n" : "\n", false);
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
        var group = row.Group.ToString(CultureInfo.InvariantCulture);
        Markup(output, "<tr data-g=\"", group, finding.Suppression is null ? "\"><td class=\"sev-" : "\" class=\"suppressed\"><td class=\"sev-");
        Text(output, finding.Severity, "\">");
        Text(output, finding.Severity, "</td><td>");
        Text(output, finding.RuleId, "</td><td>");
        Text(output, finding.AccountId, "</td><td>");
        Text(output, finding.Region, "</td><td>");
        Text(output, string.IsNullOrEmpty(finding.VpcId) ? "none" : finding.VpcId, "</td><td class=\"resource\">");
        if (row.Group != 0)
        {
            Markup(output, "<a href=\"#g-", group, "\">");
            Text(output, finding.ResourceId, "</a>");
        }
        else
        {
            output.Write("<span class=\"rid\">", false);
            Text(output, finding.ResourceId, "</span>");
        }

        output.Write("<span class=\"name\">", false);
        Text(output, finding.ResourceName, "</span></td><td>");
        if (!string.IsNullOrEmpty(finding.Direction))
        {
            output.Write("<span class=\"direction\">", false);
            Text(output, finding.Direction, "</span> ");
        }

        Text(output, finding.Permission, "</td><td>");
        Text(output, finding.Source, "</td><td>");
        Text(output, finding.Detail, "</td>");
        if (statusColumn && finding.Suppression is { } suppression)
        {
            Markup(output, "<td><a class=\"supp\" href=\"#supp-", suppression.Index.ToString(CultureInfo.InvariantCulture), "\" title=\"");
            Text(output, suppression.Reason, " (");
            Text(output, suppression.Source, "");
            if (!string.IsNullOrEmpty(suppression.Until))
            {
                output.Write(", until ", false);
                Text(output, suppression.Until, "");
            }

            Markup(output, ")\">", HtmlReportViewModelBuilder.SuppressedStatus, "</a></td>");
        }
        else if (statusColumn)
        {
            Markup(output, "<td>", HtmlReportViewModelBuilder.OpenStatus, "</td>");
        }

        if (!string.IsNullOrEmpty(finding.Baseline))
        {
            output.Write("<td class=\"baseline baseline-", false);
            Text(output, finding.Baseline, "\">");
            Text(output, finding.BaselineText ?? "", "</td>");
        }

        output.Write("</tr>", false);
    }

    /// <summary>Account data, encoded, then fixed markup.</summary>
    private static void Text(in EncodedTextWriter output, string value, string markupAfter)
    {
        output.Write(value, true);
        output.Write(markupAfter, false);
    }

    /// <summary>Fixed markup around a value SgAudit made (a number), written as it is.</summary>
    private static void Markup(in EncodedTextWriter output, string before, string value, string after)
    {
        output.Write(before, false);
        output.Write(value, false);
        output.Write(after, false);
    }
}
