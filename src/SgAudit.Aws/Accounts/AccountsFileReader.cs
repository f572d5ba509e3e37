using System.Collections.Immutable;
using System.Globalization;
using SgAudit.Core;

namespace SgAudit.Aws.Accounts;

/// <summary>
/// Reads an accounts file: one 12-digit account id per line, optionally followed by whitespace and a display name;
/// blank lines and <c>#</c> comments (whole-line or trailing) are ignored. Bad input throws
/// <see cref="InputException"/> naming the file and line.
/// </summary>
internal static class AccountsFileReader
{
    public static ImmutableArray<AccountEntry> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, $"cannot read the accounts file: {ex.Message}", ex);
        }

        return Parse(path, lines);
    }

    public static ImmutableArray<AccountEntry> Parse(string path, IReadOnlyList<string> lines)
    {
        var entries = ImmutableArray.CreateBuilder<AccountEntry>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            var place = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
            var text = lines[i];
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                text = text[..hash];
            }

            text = text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var split = text.IndexOfAny([' ', '\t']);
            var id = split < 0 ? text : text[..split];
            var name = split < 0 ? null : text[split..].Trim();
            if (id.Length != 12 || !id.All(char.IsAsciiDigit))
            {
                throw new InputException(path, place, $"'{Shorten(id)}' is not an AWS account id (12 digits)");
            }

            if (firstLine.TryGetValue(id, out var earlier))
            {
                throw new InputException(path, place, string.Create(CultureInfo.InvariantCulture, $"account {id} is already listed on line {earlier}"));
            }

            firstLine[id] = lineNumber;
            entries.Add(new AccountEntry(id, string.IsNullOrEmpty(name) ? null : name, lineNumber));
        }

        if (entries.Count == 0)
        {
            throw new InputException(path, null, "the accounts file lists no account ids");
        }

        return entries.ToImmutable();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
