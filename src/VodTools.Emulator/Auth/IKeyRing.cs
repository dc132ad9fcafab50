namespace VodTools.Emulator.Auth;

/// <summary>Finds an access key by id: the configured pair or a temporary key STS issued.</summary>
internal interface IKeyResolver
{
    AccessKey? Find(string accessKeyId);
}

/// <summary>The keys the emulator accepts, plus the temporary keys STS (and VOD's upload credentials) add.</summary>
internal interface IKeyRing : IKeyResolver
{
    void AddTemporary(AccessKey key);
}
