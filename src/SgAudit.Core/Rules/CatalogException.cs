namespace SgAudit.Core.Rules;

/// <summary>A rule, mapping or guidance file that does not load: names the file and what is wrong.</summary>
public sealed class CatalogException(string file, string message) : Exception($"{file}: {message}")
{
    public string File { get; } = file;
    public string Problem { get; } = message;
}
