namespace VodTools.Emulator.Auth;

/// <summary>An authentication failure in the cloud's terms: HTTP status, error code, message, and the
/// extra fields OSS adds to its error XML (StringToSign, SignatureProvided, ...).</summary>
internal sealed record AuthFailure(int Status, string Code, string Message, IReadOnlyList<KeyValuePair<string, string>>? Extra = null);

/// <summary>The verdict of a signature check. The strings the server computed are kept even on failure
/// so tests can compare them with what the official clients signed.</summary>
internal sealed class AuthOutcome
{
    public AccessKey? Key { get; init; }
    public AuthFailure? Failure { get; init; }
    public string? CanonicalRequest { get; init; }
    public string? StringToSign { get; init; }
    public bool Ok => Failure == null && Key != null;
}

internal static class KeyCheck
{
    /// <summary>Checks that a temporary key comes with its own token and has not expired.</summary>
    public static KeyProblem Check(AccessKey? key, string? token, DateTimeOffset now)
    {
        if (key == null) return KeyProblem.UnknownKey;
        if (!key.IsTemporary) return KeyProblem.None;
        if (string.IsNullOrEmpty(token)) return KeyProblem.MissingToken;
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(key.SecurityToken!)))
            return KeyProblem.WrongToken;
        return key.Expiration <= now ? KeyProblem.Expired : KeyProblem.None;
    }

    public static bool SameText(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
}
