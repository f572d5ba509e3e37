using System.Collections.Immutable;

namespace SgAudit.Reporting;

/// <summary>Creates report writers by format name over one template set.</summary>
public sealed class ReportWriterFactory(TemplateSet templates)
{
    /// <summary>The format names <see cref="Create(string)"/> accepts, in the order reports are usually listed.</summary>
    public static ImmutableArray<string> SupportedFormats { get; } = ["html", "sarif", "json", "md", "junit"];

    /// <summary>
    /// What a scan writes when no format is asked for. JUnit is opt-in: the CIs that read it need a line of their own
    /// configuration naming the file anyway (GitLab's artifacts:reports:junit, Jenkins' junit step), and a default
    /// scan keeps writing the same four files as before.
    /// </summary>
    public static ImmutableArray<string> DefaultFormats { get; } = ["html", "sarif", "json", "md"];

    public TemplateSet Templates { get; } = templates ?? throw new ArgumentNullException(nameof(templates));

    public static bool IsSupported(string format) => Normalize(format) is not null;

    /// <summary>One writer per distinct format over <paramref name="templates"/>; see <see cref="Create(IEnumerable{string})"/>.</summary>
    public static ImmutableArray<IReportWriter> Create(IEnumerable<string> formats, TemplateSet templates) => new ReportWriterFactory(templates).Create(formats);

    /// <summary>
    /// A writer for <paramref name="format"/> ("html", "sarif", "json", "md", "junit"; "markdown" is accepted for "md", case and
    /// surrounding spaces are ignored). Templates are compiled now, so a broken template fails before any scanning.
    /// </summary>
    /// <exception cref="ArgumentException">The format is not supported; check with <see cref="IsSupported"/> first.</exception>
    /// <exception cref="ReportException">A template is missing, unreadable or does not compile.</exception>
    public IReportWriter Create(string format) => Normalize(format) switch
    {
        "html" => new HtmlReportWriter(Templates),
        "sarif" => new SarifReportWriter(Templates),
        "json" => new JsonReportWriter(),
        "md" => new MarkdownReportWriter(Templates),
        "junit" => new JUnitReportWriter(),
        _ => throw new ArgumentException($"'{format}' is not a report format ({string.Join(", ", SupportedFormats)})", nameof(format)),
    };

    /// <summary>One writer per distinct format, in the order given.</summary>
    public ImmutableArray<IReportWriter> Create(IEnumerable<string> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var writers = ImmutableArray.CreateBuilder<IReportWriter>();
        foreach (var format in formats)
        {
            var writer = Create(format);
            if (seen.Add(writer.Format))
            {
                writers.Add(writer);
            }
        }

        return writers.ToImmutable();
    }

    private static string? Normalize(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "html" => "html",
        "sarif" => "sarif",
        "json" => "json",
        "md" or "markdown" => "md",
        "junit" => "junit",
        _ => null,
    };
}
