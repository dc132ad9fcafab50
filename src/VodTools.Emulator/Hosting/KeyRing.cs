using VodTools.Emulator.Auth;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Hosting;

/// <summary>The keys the emulator accepts: the account's configured pair, the keys RAM created for its users, and the
/// temporary keys its STS issued (all kept in the store, so they survive a restart; temporary ones until they expire).</summary>
internal sealed class KeyRing(EmulatorOptions options, Store store) : IKeyRing
{
    public const string TemporaryKeyKind = "sts-key";

    public AccessKey Account { get; } = new(options.AccessKeyId, options.AccessKeySecret, options.AccountId);

    public AccessKey? Find(string accessKeyId) =>
        accessKeyId == Account.Id ? Account
        : accessKeyId.StartsWith("STS.", StringComparison.Ordinal) ? store.Get<AccessKey>(TemporaryKeyKind, accessKeyId)
        : store.Get<RamApi.UserAccessKey>(RamApi.AccessKeyKind, accessKeyId) is { Status: "Active" } user
            ? new AccessKey(user.AccessKeyId, user.AccessKeySecret, options.AccountId, UserName: user.UserName)
            : null;

    public void AddTemporary(AccessKey key) => store.Put(TemporaryKeyKind, key.Id, key);
}
