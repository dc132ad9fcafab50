using System.Collections.Concurrent;

namespace VodTools.Emulator.Auth;

/// <summary>Remembers signature nonces for as long as a request carrying them could still pass the
/// clock-skew check, so a replay inside that window is refused with SignatureNonceUsed.</summary>
internal sealed class NonceCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new();
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>True the first time a (key, nonce) pair is seen.</summary>
    public bool TryUse(string accessKeyId, string nonce, DateTimeOffset now)
    {
        if (now - _lastPurge > TimeSpan.FromMinutes(1))
        {
            _lastPurge = now;
            foreach (var entry in _seen)
                if (now - entry.Value > 2 * KeyCheck.AllowedSkew) _seen.TryRemove(entry.Key, out _);
        }
        return _seen.TryAdd(accessKeyId + "\n" + nonce, now);
    }
}
