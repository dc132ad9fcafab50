using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Tests;

/// <summary>A key resolver that knows exactly one key, for verifier tests without a running emulator.</summary>
internal sealed class FixedKeys(AccessKey key) : IKeyResolver
{
    public AccessKey? Find(string accessKeyId) => accessKeyId == key.Id ? key : null;
}
