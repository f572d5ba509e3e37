namespace SgAudit.Reporting;

/// <summary>
/// A report could not be produced: a template is missing, unreadable or broken, or the rendered output failed its
/// check. <see cref="Template"/> names the file (or the report) so the user knows what to fix; the CLI exits 2.
/// </summary>
public sealed class ReportException : Exception
{
    public ReportException(string template, string problem)
        : base($"{template}: {problem}")
    {
        Template = template;
        Problem = problem;
    }

    public ReportException(string template, string problem, Exception innerException)
        : base($"{template}: {problem}", innerException)
    {
        Template = template;
        Problem = problem;
    }

    /// <summary>The template file (a path, or "built-in templates/…" for the embedded set) or the report the problem is in.</summary>
    public string Template { get; }

    public string Problem { get; }
}
