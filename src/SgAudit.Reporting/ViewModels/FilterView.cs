using System.Collections.Immutable;

namespace SgAudit.Reporting.ViewModels;

/// <summary>
/// One filter of the HTML findings table. <see cref="Key"/> names the table column (<c>data-key</c>) whose text an
/// option must equal, so a new filter (such as new/unchanged/suppressed) is a column and a <see cref="FilterView"/>,
/// not new script. A filter without options is not shown.
/// </summary>
public sealed record FilterView(string Key, string Label, ImmutableArray<FilterOptionView> Options);
