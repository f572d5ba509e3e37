using System.Globalization;

namespace SgAudit.Reporting.TextEncoders;

/// <summary>
/// Characters that change how surrounding text is displayed without being visible themselves: control characters and
/// bidirectional overrides (U+202E can make "exe.txt" read as "txt.exe"). Human-facing reports show them as a marker.
/// </summary>
internal static class UnsafeCharacters
{
    public const char ReplacementCharacter = '\uFFFD';

    /// <summary>C0/C1 controls other than tab, line feed and carriage return, DEL, and the bidirectional formatting characters.</summary>
    public static bool IsHidden(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    /// <summary>"[U+202E]": what a reader sees in place of a hidden character.</summary>
    public static string Marker(char c) => string.Create(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
}
