namespace VodTools.Emulator.Auth;

/// <summary>An access key the emulator accepts. Temporary (STS) keys carry their token and expiry, and the session
/// policy AssumeRole was given; a RAM user's key names its user. The account's own key names neither.</summary>
/// <param name="ServiceRole">a key one of the emulator's services issued for its own role (VOD's upload credentials):
/// its session policy alone says what it may do</param>
internal sealed record AccessKey(string Id, string Secret, string AccountId, string? SecurityToken = null,
    DateTimeOffset? Expiration = null, string? RoleArn = null, string? SessionName = null,
    string? UserName = null, string? SessionPolicy = null, bool ServiceRole = false)
{
    public bool IsTemporary => SecurityToken != null;

    /// <summary>The account's own key, which RAM policies never limit.</summary>
    public bool IsAccount => !IsTemporary && UserName == null;
}

/// <summary>Why a key lookup failed, in terms both RPC and OSS error mappers understand.</summary>
internal enum KeyProblem { None, UnknownKey, MissingToken, WrongToken, Expired }
