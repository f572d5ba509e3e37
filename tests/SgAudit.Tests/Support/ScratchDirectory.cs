using SgAudit.Reporting;
using SgAudit.Reporting.Templates;

namespace SgAudit.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sgaudit-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A directory holding a copy of the embedded template set, to break one file at a time.</summary>
    public static ScratchDirectory WithEmbeddedTemplates()
    {
        var directory = new ScratchDirectory();
        var embedded = TemplateSet.Embedded;
        string[] files = [TemplatePaths.HtmlReport, TemplatePaths.HtmlStyles, TemplatePaths.HtmlScript, TemplatePaths.Sarif, TemplatePaths.Markdown, .. embedded.List(TemplatePaths.HtmlPartials, ".hbs")];
        foreach (var file in files)
        {
            directory.Write(file, embedded.Read(file));
        }

        return directory;
    }

    public string Write(string relativePath, string text)
    {
        var path = Resolve(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Resolve(relativePath));

    public string Resolve(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
