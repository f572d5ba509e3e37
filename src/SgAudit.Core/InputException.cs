namespace SgAudit.Core;

/// <summary>
/// Bad input from the user (a model, export, config or template file): names the file, the place in it (line or
/// JSON path) and what is wrong. The CLI prints it as one line and exits 2.
/// </summary>
public sealed class InputException(string file, string? place, string problem, Exception? inner = null)
    : Exception(place is null ? $"{file}: {problem}" : $"{file}: {place}: {problem}", inner)
{
    public string File { get; } = file;
    public string? Place { get; } = place;
    public string Problem { get; } = problem;
}
