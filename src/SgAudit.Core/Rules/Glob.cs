namespace SgAudit.Core.Rules;

/// <summary>
/// Ordinal glob matching over whole strings: <c>*</c> matches any run of characters (also none), <c>?</c> exactly
/// one; there is no escape, so a literal '*' or '?' in a name is matched by the wildcard itself.
/// </summary>
public static class Glob
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>; linear backtracking, no allocation.</summary>
    /// <param name="text">The text to test, e.g. a group name.</param>
    /// <param name="pattern">The glob.</param>
    public static bool IsMatch(string text, string pattern)
    {
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                t++;
                p++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume; // let the last '*' take one more character
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
