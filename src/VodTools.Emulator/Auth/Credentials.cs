namespace VodTools.Emulator.Auth;

/// <summary>An access key the emulator accepts. Temporary (STS) keys carry their token and expiry.</summary>
internal sealed record AccessKey(string Id, string Secret, string AccountId, string? SecurityToken = null,
    DateTimeOffset? Expiration = null, string? RoleArn = null, string? SessionName = null)
{
    public bool IsTemporary => SecurityToken != null;
}

/// <summary>Why a key lookup failed, in terms both RPC and OSS error mappers understand.</summary>
internal enum KeyProblem { None, UnknownKey, MissingToken, WrongToken, Expired }
