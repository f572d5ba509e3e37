using System.Collections.Immutable;

namespace SgAudit.Reporting;

/// <summary>
/// Where report templates come from: the set embedded in SgAudit (the repository's reports-templates/), or a
/// directory with the same relative layout (the CLI's <c>--templates DIR</c>). Templates are read with LF line endings
/// whatever the checkout did, so output is byte-identical on every platform.
/// </summary>
public sealed class TemplateSet
{
    private const string ResourcePrefix = "templates/";

    private readonly ImmutableDictionary<string, string> _embeddedResources;

    private TemplateSet(string? directory, ImmutableDictionary<string, string> embeddedResources)
    {
        Directory = directory;
        _embeddedResources = embeddedResources;
    }

    /// <summary>The templates compiled into SgAudit.</summary>
    public static TemplateSet Embedded { get; } = new(null, EmbeddedResourceNames());

    /// <summary>The directory templates are read from, or null for the embedded set.</summary>
    public string? Directory { get; }

    /// <summary>The CLI's <c>--templates</c>: the embedded set when <paramref name="directory"/> is null or empty, else that directory.</summary>
    public static TemplateSet Load(string? directory) => string.IsNullOrWhiteSpace(directory) ? Embedded : FromDirectory(directory);

    /// <summary>A template set read from <paramref name="directory"/>; fails if the directory does not exist.</summary>
    public static TemplateSet FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new ReportException(full, "the templates directory does not exist");
        }

        return new TemplateSet(full, ImmutableDictionary<string, string>.Empty);
    }

    /// <summary>How messages name a template: its full path, or "built-in templates/…" for the embedded set.</summary>
    public string Describe(string relativePath) => Directory is null
        ? $"built-in templates/{relativePath}"
        : Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Reads one template; a missing or unreadable file is a <see cref="ReportException"/> naming it.</summary>
    public string Read(string relativePath)
    {
        string text;
        if (Directory is null)
        {
            if (!_embeddedResources.TryGetValue(relativePath, out var resource))
            {
                throw new ReportException(Describe(relativePath), "the template is missing");
            }

            using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream(resource)
                ?? throw new ReportException(Describe(relativePath), "the template is missing");
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        else
        {
            var path = Describe(relativePath);
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new ReportException(path, "the template is missing", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ReportException(path, $"the template cannot be read: {ex.Message}", ex);
            }
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The relative paths of the files in <paramref name="folder"/> ending in <paramref name="extension"/>, in ordinal order.</summary>
    public ImmutableArray<string> List(string folder, string extension)
    {
        var prefix = folder.TrimEnd('/') + "/";
        if (Directory is null)
        {
            return [.. _embeddedResources.Keys
                .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(extension, StringComparison.Ordinal) && k.IndexOf('/', prefix.Length) < 0)
                .Order(StringComparer.Ordinal)];
        }

        var full = Path.Combine(Directory, folder.Replace('/', Path.DirectorySeparatorChar));
        if (!System.IO.Directory.Exists(full))
        {
            return [];
        }

        try
        {
            return [.. System.IO.Directory.EnumerateFiles(full, "*" + extension, SearchOption.TopDirectoryOnly)
                .Select(f => prefix + Path.GetFileName(f))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReportException(full, $"the template folder cannot be read: {ex.Message}", ex);
        }
    }

    // Relative path ("html/report.hbs") → manifest resource name. MSBuild's %(RecursiveDir) uses '\' on Windows.
    private static ImmutableDictionary<string, string> EmbeddedResourceNames() =>
        typeof(TemplateSet).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToImmutableDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);
}
