using System.Buffers;

namespace SgAudit.Emulator;

/// <summary>
/// Access key ids the emulator's STS issues: <c>ASIA</c> + the 12-digit account id + 4 characters of a session
/// number. The account can be read back from the key alone, so EC2 and CloudTrail calls signed with it act in that
/// account (as moto does), even across restarts of the emulator.
/// </summary>
internal static class AssumedRoleAccessKey
{
    private const string Prefix = "ASIA";
    private const int AccountLength = 12;
    private const int SessionLength = 4;
    private const string SessionAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly SearchValues<char> SessionCharacters = SearchValues.Create(SessionAlphabet);

    public static string Create(string accountId, long session)
    {
        if (!IsAccountId(accountId))
        {
            throw new ArgumentException("An account id is 12 digits.", nameof(accountId));
        }

        Span<char> suffix = stackalloc char[SessionLength];
        var rest = session;
        for (var i = SessionLength - 1; i >= 0; i--)
        {
            suffix[i] = SessionAlphabet[(int)(rest % SessionAlphabet.Length)];
            rest /= SessionAlphabet.Length;
        }

        return string.Concat(Prefix, accountId, suffix);
    }

    /// <summary>The account a key was issued for, or null when the emulator's STS did not issue it.</summary>
    public static string? ReadAccountId(string? accessKeyId)
    {
        if (accessKeyId is null || accessKeyId.Length != Prefix.Length + AccountLength + SessionLength || !accessKeyId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var account = accessKeyId.Substring(Prefix.Length, AccountLength);
        var session = accessKeyId.AsSpan(Prefix.Length + AccountLength);
        return IsAccountId(account) && session.IndexOfAnyExcept(SessionCharacters) < 0 ? account : null;
    }

    public static bool IsAccountId(string? value) =>
        value is { Length: AccountLength } && value.All(char.IsAsciiDigit);
}
